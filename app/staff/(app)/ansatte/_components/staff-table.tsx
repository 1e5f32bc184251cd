import type { StaffListItem } from '@/db/queries/staff-admin';
import { formatDateTime } from '@/lib/dates';
import { roleLabels, statusLabels } from './labels';
import { StaffActions } from './staff-actions';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 align-top';

/** Everyone with an account. Status is written out, never shown by colour alone. */
export function StaffTable({ rows, me }: { rows: StaffListItem[]; me: string }) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white">
      <table className="w-full border-collapse">
        <caption className="sr-only">Ansatte, aktive først og deaktiverte sist</caption>
        <thead className="border-b-2 border-muted/40">
          <tr>
            <th scope="col" className={th}>Navn</th>
            <th scope="col" className={th}>E-post</th>
            <th scope="col" className={th}>Rolle</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Endre</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={`border-b border-muted/20 ${r.status === 'disabled' ? 'text-muted' : ''}`}>
              <th scope="row" className={`${td} text-left font-semibold`}>{r.name}</th>
              <td className={`${td} break-all`}>{r.email}</td>
              <td className={td}>{roleLabels[r.role]}</td>
              <td className={td}>
                {statusLabels[r.status]}
                {r.lockedUntil ? (
                  <span className="block text-sm">
                    Låst etter mislykkede innlogginger til <time dateTime={r.lockedUntil.toISOString()}>{formatDateTime(r.lockedUntil)}</time>
                  </span>
                ) : null}
              </td>
              <td className={`${td} min-w-64`}>
                <StaffActions person={r} self={r.id === me} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
