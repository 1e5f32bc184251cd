import Link from 'next/link';
import type { AccessLogEntry } from '@/db/queries/access-log';
import { DataTable, type Column } from '@/components/staff/data-table';
import { formatDateTime } from '@/lib/dates';
import { actionLabel, objectTypeLabel } from './labels';

const columns: [Column<AccessLogEntry>, ...Column<AccessLogEntry>[]] = [
  { header: 'Tidspunkt', className: 'font-normal whitespace-nowrap', cell: (e) => <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time> },
  { header: 'Hvem', cell: (e) => e.staffName ?? 'Ukjent' },
  { header: 'Handling', cell: (e) => actionLabel(e.action) },
  { header: 'Objekt', cell: (e) => <ObjectCell entry={e} /> },
];

/** One page of the log. Each object links to everything the log holds about it. */
export function LogTable({ entries, caption, empty }: { entries: AccessLogEntry[]; caption: string; empty: string }) {
  return <DataTable caption={caption} columns={columns} rows={entries} rowKey={(e) => e.id} empty={empty} />;
}

function ObjectCell({ entry: { objectType, objectId, objectName } }: { entry: AccessLogEntry }) {
  if (!objectType && !objectId) return <span className="text-muted">Ingen</span>;
  const query = new URLSearchParams();
  if (objectType) query.set('type', objectType);
  if (objectId) query.set('objekt', objectId);
  // A privacy statement is known by its version number; other objects by name, else by id.
  const name = objectType === 'privacy_version' && objectId ? `versjon ${objectId}` : (objectName ?? (objectType === 'inquiry' ? '(slettet)' : null));
  const showId = objectId && !objectName && objectType !== 'privacy_version';
  return (
    <Link href={`/staff/tilgangslogg?${query}`} className="text-brand-dark underline">
      {objectType ? objectTypeLabel(objectType) : 'Objekt'} {name}
      {showId ? <span className="block font-mono text-sm break-all">{objectId}</span> : null}
      <span className="sr-only">: vis alt loggen har om dette</span>
    </Link>
  );
}
