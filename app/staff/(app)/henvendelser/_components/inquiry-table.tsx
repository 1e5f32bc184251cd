import Link from 'next/link';
import type { InquiryListItem } from '@/db/queries/inquiry-review';
import { DataTable, type Column } from '@/components/staff/data-table';
import { statusLabels } from './labels';
import { TimeText } from './time-text';

const columns: [Column<InquiryListItem>, ...Column<InquiryListItem>[]] = [
  {
    header: 'Referanse',
    cell: (r) => (
      <>
        <Link href={`/staff/henvendelser/${r.id}`} className="font-mono text-brand-dark underline">
          {r.reference}
        </Link>
        {r.unread ? <span className="ml-2 inline-block rounded bg-accent px-2 text-sm text-white">Ikke åpnet</span> : null}
      </>
    ),
  },
  { header: 'Mottatt', cell: (r) => <TimeText at={r.createdAt} withTime /> },
  {
    header: 'Status',
    cell: (r) => (
      <>
        {statusLabels[r.status]}
        {r.deleteAfter ? (
          <span className="block text-sm font-normal text-muted">
            Slettes <TimeText at={r.deleteAfter} />
          </span>
        ) : null}
      </>
    ),
  },
  { header: 'Journal', cell: (r) => (r.journalDeclined ? 'Reservert' : 'Ikke reservert') },
  { header: 'Tildelt', cell: (r) => r.assignedToName ?? 'Ingen' },
];

/** The inbox. "Ikke åpnet" is written out, not shown by colour or weight alone. */
export function InquiryTable({ rows, empty }: { rows: InquiryListItem[]; empty: string }) {
  return (
    <DataTable
      caption="Henvendelser, nyeste først"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowClassName={(r) => (r.unread ? 'bg-brand-light/40 font-semibold' : '')}
      empty={empty}
    />
  );
}
