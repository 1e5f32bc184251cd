import Link from 'next/link';
import type { VersionSummary } from '@/db/queries/privacy';
import { DataTable, type Column } from '@/components/staff/data-table';
import { formatDate, formatDateTime, osloIsoDate } from '@/lib/dates';

type Status = 'current' | 'upcoming' | 'earlier';
const statusLabels: Record<Status, string> = { current: 'Gjelder nå', upcoming: 'Kommende', earlier: 'Tidligere' };
const statusClass: Record<Status, string> = {
  current: 'rounded bg-brand px-2 text-white',
  upcoming: 'rounded border border-notice-border bg-notice px-2',
  earlier: 'text-muted',
};

function statusOf(v: VersionSummary, inForce: number | undefined, now: Date): Status {
  if (v.number === inForce) return 'current';
  return v.takesEffectAt > now ? 'upcoming' : 'earlier';
}

/** Every published version, newest first. The status is written out, not shown by colour alone. */
export function VersionTable({ versions, inForce, now }: { versions: VersionSummary[]; inForce?: number; now: Date }) {
  const columns: [Column<VersionSummary>, ...Column<VersionSummary>[]] = [
    {
      header: 'Versjon',
      cell: (v) => (
        <Link href={`/personvern/versjoner/${v.number}`} className="text-brand-dark underline">
          Versjon {v.number}
        </Link>
      ),
    },
    { header: 'Tittel', cell: (v) => v.title },
    { header: 'Publisert', cell: (v) => <time dateTime={v.publishedAt.toISOString()}>{formatDateTime(v.publishedAt)}</time> },
    { header: 'Gjelder fra', cell: (v) => <time dateTime={osloIsoDate(v.takesEffectAt)}>{formatDate(v.takesEffectAt)}</time> },
    {
      header: 'Status',
      cell: (v) => {
        const status = statusOf(v, inForce, now);
        return <span className={statusClass[status]}>{statusLabels[status]}</span>;
      },
    },
  ];
  const caption = 'Versjoner av personvernerklæringen, nyeste først';
  return <DataTable caption={caption} columns={columns} rows={versions} rowKey={(v) => v.number} empty="Ingen versjoner er publisert ennå." />;
}
