import type { StaffListItem } from '@/db/queries/staff-admin';
import { DataTable, type Column } from '@/components/staff/data-table';
import { formatDateTime } from '@/lib/dates';
import { roleLabels, statusLabels } from './labels';
import { StaffActions } from './staff-actions';

/** The columns; `me` is the signed-in administrator, who cannot change their own account here. */
function columnsFor(me: string): [Column<StaffListItem>, ...Column<StaffListItem>[]] {
  return [
    { header: 'Navn', className: 'font-semibold', cell: (r) => r.name },
    { header: 'E-post', className: 'break-all', cell: (r) => r.email },
    { header: 'Rolle', cell: (r) => roleLabels[r.role] },
    {
      header: 'Status',
      cell: (r) => (
        <>
          {statusLabels[r.status]}
          {r.lockedUntil ? (
            <span className="block text-sm">
              Låst etter mislykkede innlogginger til <time dateTime={r.lockedUntil.toISOString()}>{formatDateTime(r.lockedUntil)}</time>
            </span>
          ) : null}
        </>
      ),
    },
    { header: 'Endre', className: 'min-w-64', cell: (r) => <StaffActions person={r} self={r.id === me} /> },
  ];
}

/** Everyone with an account. Status is written out, never shown by colour alone. */
export function StaffTable({ rows, me }: { rows: StaffListItem[]; me: string }) {
  return (
    <DataTable
      caption="Ansatte, aktive først og deaktiverte sist"
      columns={columnsFor(me)}
      rows={rows}
      rowKey={(r) => r.id}
      rowClassName={(r) => (r.status === 'disabled' ? 'text-muted' : '')}
    />
  );
}
