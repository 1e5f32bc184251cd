import type { AccessAction } from '@/db/queries/audit';

/**
 * Action codes in the access log, as an auditor reads them. Typed against AccessAction, so a new
 * code does not compile until it has a label here. A code no longer in use is shown as it is.
 */
const actionLabels: Record<AccessAction, string> = {
  sign_in: 'Logget inn',
  sign_in_failed: 'Mislykket innlogging',
  sign_in_locked: 'Innlogging avvist: kontoen var låst',
  sign_out: 'Logget ut',
  inquiry_view: 'Åpnet henvendelse',
  inquiry_change: 'Endret henvendelse (status, tildeling, tema eller utfall)',
  inquiry_note: 'Skrev notat på henvendelse',
  inquiry_close: 'Avsluttet kontakten',
  inquiry_reopen: 'Gjenåpnet kontakten',
  inquiry_copy: 'Lastet ned en kopi av henvendelsen til personen (innsyn)',
  inquiry_correct: 'Rettet kontaktopplysningene i en henvendelse etter ønske fra personen',
  inquiry_erase: 'Slettet en henvendelse fordi personen ba om det',
  inquiry_erase_refused: 'Sletting av en henvendelse ble avvist: bevaringspålegg',
  hold_place: 'La inn pålegg om oppbevaring',
  hold_release: 'Opphevet pålegg om oppbevaring',
  hold_handed_over: 'Markerte som utlevert etter pålegg',
  export: 'Eksporterte data',
  staff_change: 'Endret ansatt',
  privacy_publish: 'Publiserte personvernerklæring',
  chat_accept: 'Tok en chat fra køen',
  chat_handover: 'Ga en chat videre til en annen chatvert',
  chat_handover_received: 'Fikk en chat fra en annen chatvert',
  chat_requeue: 'Satte en chat tilbake i køen',
  chat_supervise_list: 'Så oversikten over åpne chatter (tilsyn)',
  chat_supervise_view: 'Leste en åpen chat som leder (tilsyn)',
  chat_supervise_note: 'Skrev et notat til chatverten (tilsyn)',
  chat_end: 'Avsluttet en chat',
  chat_flag: 'Merket chat: inneholder personopplysninger',
  chat_block: 'Blokkerte en chat',
  chat_hours: 'Endret åpningstidene for chatten',
  chat_delete_lookup: 'Slo opp en chat med koden for å slette den (uten objekt: koden passet ikke)',
  chat_delete: 'Slettet en chat fordi den besøkende ba om det',
  chat_delete_refused: 'Sletting av en chat ble avvist: bevaringspålegg',
  journal_view: 'Leste en journal',
  journal_write: 'Skrev journalnotat',
  journal_correct: 'Rettet journalnotat',
  journal_remove: 'Fjernet opplysninger fra journal',
  journal_export: 'Lastet ned journal for innsyn',
  category_change: 'Endret listen over tema og utfall',
  chat_categories: 'Satte tema og utfall på en chat',
  quick_reply_change: 'Endret hurtigsvarene i chatten',
  statistics_view: 'Så på statistikken',
  statistics_export: 'Lastet ned statistikken',
  course_participants_view: 'Så på deltakerlisten for en kursdato',
  course_participants_export: 'Lastet ned deltakerlisten for en kursdato',
  course_attendance: 'Registrerte oppmøte på en kursdato',
  course_create: 'Opprettet et kurs',
  course_change: 'Endret et kurs',
  course_delete: 'Slettet et kurs',
  course_session_create: 'La til en kursdato',
  course_session_change: 'Endret en kursdato',
  course_session_cancel: 'Avlyste en kursdato',
};

export const actionLabel = (code: string) => (actionLabels as Record<string, string>)[code] ?? code;

/** Object types that rows point at, in the order the filter offers them. */
export const objectTypeLabels: Record<string, string> = {
  inquiry: 'Henvendelse',
  staff: 'Ansatt',
  chat: 'Chat',
  privacy_version: 'Personvernerklæring',
  journal: 'Journal',
  category: 'Tema eller utfall',
  quick_reply: 'Hurtigsvar',
  statistics: 'Statistikk (periode)',
  course: 'Kurs',
  course_session: 'Kursdato',
};

export const objectTypeLabel = (code: string) => objectTypeLabels[code] ?? code;
