import type { ChatExport, HoldExport } from '@/db/queries/holds-admin';
import { formatDate, formatDateTime } from '@/lib/dates';
import { audiences, staffContactLabels, staffRelationLabels } from '@/lib/inquiries/form';

/**
 * The document an admin hands over under a legal hold: the hold, then everything stored about
 * the inquiry, in plain text any recipient can open. Pure, so its content is tested directly.
 */
const statusText = { ny: 'Ny', under_arbeid: 'Under arbeid', avsluttet: 'Avsluttet' } as const;
const lookup = (list: readonly (readonly [string, string])[], code: string) => list.find(([k]) => k === code)?.[1] ?? code;

export function exportFileName(doc: HoldExport): string {
  return doc.object.type === 'chat' ? `${doc.object.reference.toLowerCase()}.txt` : `henvendelse-${doc.object.reference}.txt`;
}

const line = (label: string, value: string) => `${label}: ${value}`;
const heading = (title: string) => ['', title.toUpperCase(), '-'.repeat(title.length)];
const senderText = { besokende: 'Besøkende', vert: 'Chatvert', system: 'Hjelpelinje' } as const;

function holdLines(hold: HoldExport['hold']): string[] {
  return [
    ...heading('Bevaringspålegget'),
    line('Politiets referanse', hold.reference),
    line('Begrunnelse', hold.reason),
    line('Lagt inn', `${formatDateTime(hold.placedAt)} av ${hold.placedByName ?? 'ukjent'}`),
  ];
}

function chatText(hold: HoldExport['hold'], c: ChatExport, exported: string): string {
  const messages = c.messages.length
    ? c.messages.flatMap((m) => ['', `${formatDateTime(m.createdAt)}, ${m.sender === 'vert' && c.hostFirstName ? `${senderText.vert} (${c.hostFirstName})` : senderText[m.sender]}:`, m.body])
    : ['', 'Ingen meldinger.'];
  return [
    `Chatsamtale ${c.reference}, utlevert etter bevaringspålegg`,
    line('Eksportert', exported),
    ...holdLines(hold),
    ...heading('Samtalen'),
    line('Referanse', c.reference),
    line('Startet', formatDateTime(c.createdAt)),
    ...(c.acceptedAt ? [line('Tatt av chatvert', formatDateTime(c.acceptedAt))] : []),
    ...(c.endedAt ? [line('Avsluttet', formatDateTime(c.endedAt))] : ['Avsluttet: nei, samtalen var åpen da den ble eksportert']),
    ...(c.flaggedAt ? [line('Merket med personopplysninger', formatDateTime(c.flaggedAt))] : []),
    ...(c.deleteAfter ? [line('Slettefrist', formatDateTime(c.deleteAfter))] : []),
    'Besøkende er anonym: vi har verken navn, IP-adresse eller annet om hvem det er, utover det som står i meldingene.',
    ...heading('Meldingene'),
    ...messages,
    '',
  ].join('\n');
}

export function exportText(doc: HoldExport, { exportedAt, exportedBy }: { exportedAt: Date; exportedBy: string }): string {
  const { hold, object: q } = doc;
  if (q.type === 'chat') return chatText(hold, q, `${formatDateTime(exportedAt)} av ${exportedBy}`);
  const notes = q.notes.length
    ? q.notes.flatMap((n) => ['', `${formatDateTime(n.createdAt)}, ${n.authorName ?? 'ukjent forfatter'}:`, n.body])
    : ['', 'Ingen notater.'];
  return [
    `Henvendelse ${q.reference}, utlevert etter bevaringspålegg`,
    line('Eksportert', `${formatDateTime(exportedAt)} av ${exportedBy}`),
    ...holdLines(hold),
    ...heading('Henvendelsen'),
    line('Referansekode', q.reference),
    line('Mottatt', formatDateTime(q.createdAt)),
    line('Status', statusText[q.status]),
    ...(q.closedAt ? [line('Kontakten avsluttet', formatDateTime(q.closedAt))] : []),
    ...(q.deleteAfter ? [line('Slettefrist', formatDate(q.deleteAfter))] : []),
    line('Gjelder', lookup(audiences, q.audience)),
    line('Relasjon', lookup(Object.entries(staffRelationLabels), q.relation)),
    line('Reservert mot journal', q.journalDeclined ? 'Ja' : 'Nei'),
    line('Personvernerklæring', `versjon ${q.privacyVersion}, gjeldende da henvendelsen ble sendt`),
    ...heading('Kontaktopplysninger'),
    line('Navn', q.name),
    line('E-post', q.email ?? 'Ikke oppgitt'),
    line('Telefon', q.phone ?? 'Ikke oppgitt'),
    line('Ønsket kontakt', lookup(Object.entries(staffContactLabels), q.preferredContact)),
    ...heading('Meldingen'),
    q.message,
    ...heading('Notater'),
    ...notes,
    '',
  ].join('\n');
}
