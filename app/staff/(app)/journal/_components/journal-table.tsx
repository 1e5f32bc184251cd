import Link from 'next/link';
import type { JournalListItem } from '@/db/queries/journal';
import { When } from './when';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 align-top';

/**
 * Every journal, newest first. Names are sealed and opened only on the journal's own page, where
 * the reading is logged; this list shows when each was started, by whom, and how many notes.
 */
export function JournalTable({ rows }: { rows: JournalListItem[] }) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white">
      <table className="w-full border-collapse">
        <caption className="sr-only">Journaler, nyeste først</caption>
        <thead className="border-b-2 border-muted/40">
          <tr>
            <th scope="col" className={th}>Opprettet</th>
            <th scope="col" className={th}>Opprettet av</th>
            <th scope="col" className={th}>Notater</th>
            <th scope="col" className={th}>Sist skrevet</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-muted/20">
              <th scope="row" className={`${td} text-left font-normal`}>
                <Link prefetch={false} href={`/staff/journal/${r.id}`} className="text-brand-dark underline">
                  <span className="sr-only">Åpne journalen opprettet </span>
                  <When at={r.createdAt} />
                </Link>
              </th>
              <td className={td}>{r.createdByName ?? 'Ukjent'}</td>
              <td className={td}>
                {r.entries}
                {r.removed ? <span className="block text-sm text-muted">{r.removed} med fjernede opplysninger</span> : null}
              </td>
              <td className={td}>{r.lastWrittenAt ? <When at={r.lastWrittenAt} /> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
