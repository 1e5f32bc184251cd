/** What the visitor's event stream and handlers send; field names as on the wire. */
export type VisitorMessage = { seq: number; fra: 'besokende' | 'vert' | 'system'; tid: string; tekst: string };
export type Phase = 'laster' | 'klar' | 'venter' | 'aktiv' | 'avsluttet' | 'slettet' | 'stengt';
export type StateEvent = { status: 'venter' | 'aktiv' | 'avsluttet' | 'slettet'; plass: number | null; vert: string | null };
/** What the conversation handler answers about the visitor's own chat. */
export type ChatState = { status: Phase | 'ingen'; reference?: string };
