import type { JournalView } from '@/db/queries/journal';
import { formatDateTime, osloIsoDate } from '@/lib/dates';

/**
 * The copy of a person's journal they are entitled to see (innsyn): every note as it reads now,
 * each correction with who made it, when and why, and a record of every statement removed.
 * Plain text, so any recipient can open it. Pure, so its content is tested directly.
 */
const sourceText = { inquiry: 'henvendelse', chat: 'chat' } as const;

export function innsynFileName(exportedAt: Date): string {
  // No name in the file name: it would end up in download lists and logs.
  return `journal-innsyn-${osloIsoDate(exportedAt)}.txt`;
}

export function innsynText(journal: JournalView, { exportedAt, exportedBy }: { exportedAt: Date; exportedBy: string }): string {
  const line = (label: string, value: string) => `${label}: ${value}`;
  const heading = (title: string) => ['', title.toUpperCase(), '-'.repeat(title.length)];
  const by = (name: string | null) => name ?? 'ukjent';

  const entries = journal.entries.flatMap((entry, i) => {
    const history = entry.revisions.flatMap((r) => [
      '',
      `Versjon ${r.revision}, ${formatDateTime(r.writtenAt)}, ${by(r.writtenByName)}${r.revision === 1 ? ' (først skrevet)' : ''}`,
      ...(r.reason ? [line('Begrunnelse for rettelsen', r.reason)] : []),
      r.text ?? '(Teksten er fjernet.)',
    ]);
    return [
      ...heading(`Notat ${i + 1}`),
      line('Kilde', sourceText[entry.source.type]),
      line('Skrevet', `${formatDateTime(entry.createdAt)} av ${by(entry.createdByName)}`),
      '',
      ...(entry.removal
        ? [
            `Opplysningene i dette notatet er fjernet ${formatDateTime(entry.removal.at)} av ${by(entry.removal.byName)}.`,
            line('Begrunnelse', entry.removal.reason),
          ]
        : ['Slik notatet lyder nå:', entry.text ?? '']),
      ...(entry.revisions.length > 1 || entry.removal ? ['', 'Historikk:', ...history] : []),
    ];
  });

  return [
    'Journal: kopi for innsyn',
    line('Laget', `${formatDateTime(exportedAt)} av ${exportedBy}`),
    ...heading('Personen'),
    line('Navn', journal.name),
    line('Andre opplysninger', journal.details ?? 'Ikke oppgitt'),
    line('Journalen opprettet', `${formatDateTime(journal.createdAt)} av ${by(journal.createdByName)}`),
    line('Antall notater', String(journal.entries.length)),
    ...entries,
    '',
  ].join('\n');
}
