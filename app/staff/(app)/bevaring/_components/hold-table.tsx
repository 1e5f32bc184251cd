import Link from 'next/link';
import type { HoldListItem } from '@/db/queries/holds-admin';
import { formatDate, formatDateTime } from '@/lib/dates';
import { holdStatusLabels, objectTypeLabels } from './constants';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 align-top';
const action = 'text-brand-dark underline';

/** What the hold keeps: the inquiry's or chat's code while it exists, otherwise that it is gone. */
export function HeldObject({ hold }: { hold: HoldListItem }) {
  return (
    <>
      {objectTypeLabels[hold.objectType]}{' '}
      {hold.objectReference && hold.objectType === 'chat' ? (
        // A chat has no page of its own for admins: its content is read in the export.
        <span className="font-mono">{hold.objectReference}</span>
      ) : hold.objectReference ? (
        <Link href={`/staff/henvendelser/${hold.objectId}`} className="font-mono text-brand-dark underline">
          {hold.objectReference}
        </Link>
      ) : (
        <span className="block text-sm font-normal text-muted">Slettet (id {hold.objectId})</span>
      )}
    </>
  );
}

/** Status in words, with the date it changed or the deadline the hold is holding off. */
export function HoldStatusText({ hold, now }: { hold: HoldListItem; now: Date }) {
  const { status, endedAt, objectDeleteAfter } = hold;
  let detail: string | null = null;
  if (endedAt) detail = formatDate(endedAt);
  else if (objectDeleteAfter) detail = objectDeleteAfter <= now ? `Slettefristen gikk ut ${formatDate(objectDeleteAfter)}` : `Slettefrist ${formatDate(objectDeleteAfter)}`;
  return (
    <>
      <span className="font-semibold">{holdStatusLabels[status]}</span>
      {detail ? <span className="block text-sm text-muted">{detail}</span> : null}
    </>
  );
}

/** Every hold, active first. The actions are written out, each naming what it acts on. */
export function HoldTable({ holds, now }: { holds: HoldListItem[]; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white">
      <table className="w-full border-collapse">
        <caption className="sr-only">Bevaringspålegg, aktive først, deretter nyeste først</caption>
        <thead className="border-b-2 border-muted/40">
          <tr>
            <th scope="col" className={th}>Gjelder</th>
            <th scope="col" className={th}>Politiets referanse</th>
            <th scope="col" className={th}>Begrunnelse</th>
            <th scope="col" className={th}>Lagt inn av</th>
            <th scope="col" className={th}>Lagt inn</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Handlinger</th>
          </tr>
        </thead>
        <tbody>
          {holds.map((h) => {
            const what = <span className="sr-only"> for {h.objectReference ?? 'pålegget'}</span>;
            return (
              <tr key={h.id} className="border-b border-muted/20">
                <th scope="row" className={`${td} text-left`}>
                  <HeldObject hold={h} />
                </th>
                <td className={td}>{h.reference}</td>
                <td className={`${td} whitespace-pre-wrap`}>{h.reason}</td>
                <td className={td}>{h.placedByName ?? 'Ukjent'}</td>
                <td className={td}>
                  <time dateTime={h.placedAt.toISOString()}>{formatDateTime(h.placedAt)}</time>
                </td>
                <td className={td}>
                  <HoldStatusText hold={h} now={now} />
                </td>
                <td className={td}>
                  {h.status === 'active' ? (
                    <ul className="space-y-1">
                      <li>
                        {/* A plain link: a download must not be prefetched. */}
                        <a href={`/staff/bevaring/${h.id}/eksport`} download className={action}>
                          Eksporter{what}
                        </a>
                      </li>
                      <li>
                        <Link href={`/staff/bevaring/${h.id}/opphev`} className={action}>
                          Opphev{what}
                        </Link>
                      </li>
                      <li>
                        <Link href={`/staff/bevaring/${h.id}/utlevert`} className={action}>
                          Marker som utlevert{what}
                        </Link>
                      </li>
                    </ul>
                  ) : (
                    <span className="text-muted">Ingen</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
