import Link from 'next/link';
import type { HoldListItem } from '@/db/queries/holds-admin';
import { DataTable, type Column } from '@/components/staff/data-table';
import { formatDate, formatDateTime } from '@/lib/dates';
import { holdStatusLabels, objectTypeLabels } from './constants';

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

/** Export, release and handover, each link naming the object it acts on for a screen reader. */
function HoldActions({ hold: h }: { hold: HoldListItem }) {
  if (h.status !== 'active') return <span className="text-muted">Ingen</span>;
  const what = <span className="sr-only"> for {h.objectReference ?? 'pålegget'}</span>;
  return (
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
  );
}

/** Every hold, active first. The actions are written out, each naming what it acts on. */
export function HoldTable({ holds, now }: { holds: HoldListItem[]; now: Date }) {
  const columns: [Column<HoldListItem>, ...Column<HoldListItem>[]] = [
    { header: 'Gjelder', cell: (h) => <HeldObject hold={h} /> },
    { header: 'Politiets referanse', cell: (h) => h.reference },
    { header: 'Begrunnelse', className: 'whitespace-pre-wrap', cell: (h) => h.reason },
    { header: 'Lagt inn av', cell: (h) => h.placedByName ?? 'Ukjent' },
    { header: 'Lagt inn', cell: (h) => <time dateTime={h.placedAt.toISOString()}>{formatDateTime(h.placedAt)}</time> },
    { header: 'Status', cell: (h) => <HoldStatusText hold={h} now={now} /> },
    { header: 'Handlinger', cell: (h) => <HoldActions hold={h} /> },
  ];
  const caption = 'Bevaringspålegg, aktive først, deretter nyeste først';
  return <DataTable caption={caption} columns={columns} rows={holds} rowKey={(h) => h.id} empty="Det er ingen bevaringspålegg." />;
}
