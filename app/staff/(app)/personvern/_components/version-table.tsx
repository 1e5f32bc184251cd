import Link from 'next/link';
import type { VersionSummary } from '@/db/queries/privacy';
import { formatDate, formatDateTime, osloIsoDate } from '@/lib/dates';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 align-top';

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
  if (!versions.length) return <p className="rounded-2xl bg-white p-6">Ingen versjoner er publisert ennå.</p>;
  return (
    <div className="overflow-x-auto rounded-2xl bg-white">
      <table className="w-full border-collapse">
        <caption className="sr-only">Versjoner av personvernerklæringen, nyeste først</caption>
        <thead className="border-b-2 border-muted/40">
          <tr>
            <th scope="col" className={th}>Versjon</th>
            <th scope="col" className={th}>Tittel</th>
            <th scope="col" className={th}>Publisert</th>
            <th scope="col" className={th}>Gjelder fra</th>
            <th scope="col" className={th}>Status</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const status = statusOf(v, inForce, now);
            return (
              <tr key={v.number} className="border-b border-muted/20">
                <th scope="row" className={`${td} text-left`}>
                  <Link href={`/personvern/versjoner/${v.number}`} className="text-brand-dark underline">
                    Versjon {v.number}
                  </Link>
                </th>
                <td className={td}>{v.title}</td>
                <td className={td}>
                  <time dateTime={v.publishedAt.toISOString()}>{formatDateTime(v.publishedAt)}</time>
                </td>
                <td className={td}>
                  <time dateTime={osloIsoDate(v.takesEffectAt)}>{formatDate(v.takesEffectAt)}</time>
                </td>
                <td className={td}>
                  <span className={statusClass[status]}>{statusLabels[status]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
