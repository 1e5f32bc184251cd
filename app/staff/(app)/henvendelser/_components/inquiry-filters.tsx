import Link from 'next/link';
import type { InquiryStatus } from '@/db/schema';
import { statusLabels } from './constants';

/** A plain GET form, so the filter works without JavaScript and the URL can be shared. */
export function InquiryFilters({ status, mine }: { status?: InquiryStatus; mine: boolean }) {
  return (
    <form method="get" role="search" aria-label="Filtrer henvendelser" className="flex flex-wrap items-end gap-x-6 gap-y-4 rounded-2xl bg-white p-4">
      <div>
        <label htmlFor="status" className="block font-semibold">
          Status
        </label>
        <select id="status" name="status" defaultValue={status ?? ''} className="input mt-1">
          <option value="">Alle</option>
          {(Object.keys(statusLabels) as InquiryStatus[]).map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-3 py-2">
        <input type="checkbox" name="tildelt" value="meg" defaultChecked={mine} className="size-5" />
        Bare tildelt meg
      </label>
      <button type="submit" className="rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
        Vis
      </button>
      {status || mine ? (
        <Link href="/staff/henvendelser" className="py-2 text-brand-dark underline">
          Vis alle
        </Link>
      ) : null}
    </form>
  );
}
