import type { Correction } from '@/db/queries/inquiry-rights';
import type { InquiryDetail } from '@/db/queries/inquiry-review';
import { formatDate, formatDateTime } from '@/lib/dates';
import { audienceLabel, contactLabel, fieldText, relationLabel } from '../../_components/labels';

/**
 * The copy of an inquiry its sender is entitled to (innsyn): what they sent, where it stands,
 * every note we wrote, and every correction with the value it replaced. Plain text, so any
 * recipient can open it. Pure, so its content is tested directly.
 */
const statusText = { ny: 'Ikke behandlet ennå', under_arbeid: 'Under arbeid', avsluttet: 'Kontakten er avsluttet' } as const;

export function copyFileName(reference: string): string {
  // The reference only: a name would end up in download lists.
  return `henvendelse-${reference}-innsyn.txt`;
}

export function copyText(q: InquiryDetail, corrections: readonly Correction[], { madeAt }: { madeAt: Date }): string {
  const line = (label: string, value: string) => `${label}: ${value}`;
  const heading = (title: string) => ['', title.toUpperCase(), '-'.repeat(title.length)];
  const notes = q.notes.length
    ? q.notes.flatMap((n) => ['', `${formatDateTime(n.createdAt)}, ${n.authorName ?? 'ukjent forfatter'}:`, n.body])
    : ['', 'Vi har ikke skrevet noen notater om henvendelsen.'];
  const history = corrections.length
    ? corrections.flatMap((c) => [
        '',
        `${formatDateTime(c.correctedAt)}, ${c.correctedByName ?? 'ukjent'}: ${fieldText[c.field]} rettet`,
        line('Tidligere', c.previous ?? '(ikke oppgitt)'),
      ])
    : ['', 'Ingenting er rettet.'];
  return [
    `Kopi av henvendelsen din, referanse ${q.reference}`,
    line('Laget', formatDateTime(madeAt)),
    'Dette er alt vi har lagret om henvendelsen din. Hvem hos oss som har åpnet eller endret den, står i tilgangsloggen vår, uten noe av innholdet.',
    ...heading('Om henvendelsen'),
    line('Referanse', q.reference),
    line('Mottatt', formatDateTime(q.createdAt)),
    line('Status', statusText[q.status]),
    ...(q.closedAt ? [line('Kontakten ble avsluttet', formatDateTime(q.closedAt))] : []),
    q.deleteAfter
      ? line('Slettes', formatDate(q.deleteAfter))
      : 'Slettes: tre måneder etter at kontakten er avsluttet',
    line('Gjelder', audienceLabel(q.audience)),
    line('Din relasjon til den det gjelder', relationLabel(q.relation)),
    line('Reservert mot journal', q.journalDeclined ? 'Ja' : 'Nei'),
    line('Personvernerklæring', `versjon ${q.privacyVersion}, den som gjaldt da du sendte henvendelsen`),
    ...heading('Kontaktopplysningene dine'),
    line('Navn', q.name),
    line('E-post', q.email ?? 'Ikke oppgitt'),
    line('Telefon', q.phone ?? 'Ikke oppgitt'),
    line('Ønsket kontakt', contactLabel(q.preferredContact)),
    ...heading('Meldingen din'),
    q.message,
    ...heading('Notatene våre'),
    ...notes,
    ...heading('Rettinger'),
    ...history,
    '',
  ].join('\n');
}
