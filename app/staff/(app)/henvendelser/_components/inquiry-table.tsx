import Link from 'next/link';
import type { InquiryListItem } from '@/db/queries/inquiry-review';
import { audienceLabel, statusLabels } from './labels';
import { TimeText } from './time-text';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 align-top';

/** The inbox. "Ikke åpnet" is written out, not shown by colour or weight alone. */
export function InquiryTable({ rows }: { rows: InquiryListItem[] }) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white">
      <table className="w-full border-collapse">
        <caption className="sr-only">Henvendelser, nyeste først</caption>
        <thead className="border-b-2 border-muted/40">
          <tr>
            <th scope="col" className={th}>Referanse</th>
            <th scope="col" className={th}>Mottatt</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Gjelder</th>
            <th scope="col" className={th}>Journal</th>
            <th scope="col" className={th}>Tildelt</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={`border-b border-muted/20 ${r.unread ? 'bg-brand-light/40 font-semibold' : ''}`}>
              <th scope="row" className={`${td} text-left`}>
                <Link href={`/staff/henvendelser/${r.id}`} className="font-mono text-brand-dark underline">
                  {r.reference}
                </Link>
                {r.unread ? <span className="ml-2 inline-block rounded bg-accent px-2 text-sm text-white">Ikke åpnet</span> : null}
              </th>
              <td className={td}><TimeText at={r.createdAt} withTime /></td>
              <td className={td}>
                {statusLabels[r.status]}
                {r.deleteAfter ? (
                  <span className="block text-sm font-normal text-muted">
                    Slettes <TimeText at={r.deleteAfter} />
                  </span>
                ) : null}
              </td>
              <td className={td}>{audienceLabel(r.audience)}</td>
              <td className={td}>{r.journalDeclined ? 'Reservert' : 'Ikke reservert'}</td>
              <td className={td}>{r.assignedToName ?? 'Ingen'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
