import Link from 'next/link';
import type { JournalListItem } from '@/db/queries/journal';
import { DataTable, type Column } from '@/components/staff/data-table';
import { When } from './when';

const columns: [Column<JournalListItem>, ...Column<JournalListItem>[]] = [
  {
    header: 'Opprettet',
    className: 'font-normal',
    cell: (r) => (
      <Link prefetch={false} href={`/staff/journal/${r.id}`} className="text-brand-dark underline">
        <span className="sr-only">Åpne journalen opprettet </span>
        <When at={r.createdAt} />
      </Link>
    ),
  },
  { header: 'Opprettet av', cell: (r) => r.createdByName ?? 'Ukjent' },
  {
    header: 'Notater',
    cell: (r) => (
      <>
        {r.entries}
        {r.removed ? <span className="block text-sm text-muted">{r.removed} med fjernede opplysninger</span> : null}
      </>
    ),
  },
  { header: 'Sist skrevet', cell: (r) => (r.lastWrittenAt ? <When at={r.lastWrittenAt} /> : '–') },
];

/**
 * Every journal, newest first. Names are sealed and opened only on the journal's own page, where
 * the reading is logged; this list shows when each was started, by whom, and how many notes.
 */
export function JournalTable({ rows }: { rows: JournalListItem[] }) {
  return <DataTable caption="Journaler, nyeste først" columns={columns} rows={rows} rowKey={(r) => r.id} empty="Det er ingen journaler ennå." />;
}
