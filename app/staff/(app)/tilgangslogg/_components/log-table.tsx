import Link from 'next/link';
import type { AccessLogEntry } from '@/db/queries/access-log';
import { formatDateTime } from '@/lib/dates';
import { actionLabel, objectTypeLabel } from './labels';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 align-top';

/** One page of the log. Each object links to everything the log holds about it. */
export function LogTable({ entries, caption }: { entries: AccessLogEntry[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white">
      <table className="w-full border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b-2 border-muted/40">
          <tr>
            <th scope="col" className={th}>Tidspunkt</th>
            <th scope="col" className={th}>Hvem</th>
            <th scope="col" className={th}>Handling</th>
            <th scope="col" className={th}>Objekt</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-muted/20">
              <th scope="row" className={`${td} text-left font-normal whitespace-nowrap`}>
                <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
              </th>
              <td className={td}>{e.staffName ?? 'Ukjent'}</td>
              <td className={td}>{actionLabel(e.action)}</td>
              <td className={td}>
                <ObjectCell entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
