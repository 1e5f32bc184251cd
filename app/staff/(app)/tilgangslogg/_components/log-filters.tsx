import Link from 'next/link';
import type { AccessLogFilter } from '@/db/queries/access-log';
import { objectTypeLabel, objectTypeLabels } from './labels';

type Person = { id: string; name: string; disabled: boolean };

/** A plain GET form, so the filter works without JavaScript and the address can be shared. */
export function LogFilters({ filter, people }: { filter: AccessLogFilter; people: Person[] }) {
  const types = Object.keys(objectTypeLabels);
  // A type from the address that the list does not know is still offered, so it stays chosen.
  if (filter.objectType && !types.includes(filter.objectType)) types.push(filter.objectType);
  const active = Boolean(filter.staffId || filter.objectType || filter.objectId);
  return (
    <form method="get" role="search" aria-label="Filtrer tilgangsloggen" className="flex flex-wrap items-end gap-x-6 gap-y-4 rounded-2xl bg-white p-4">
      <div>
        <label htmlFor="ansatt" className="block font-semibold">
          Ansatt
        </label>
        <select id="ansatt" name="ansatt" defaultValue={filter.staffId ?? ''} className="input mt-1">
          <option value="">Alle</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.disabled ? `${p.name} (deaktivert)` : p.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <legend className="font-semibold">Objekt</legend>
        <div>
          <label htmlFor="type" className="block">
            Type
          </label>
          <select id="type" name="type" defaultValue={filter.objectType ?? ''} className="input mt-1">
            <option value="">Alle</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {objectTypeLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="objekt" className="block">
            Id
          </label>
          <input
            id="objekt"
            name="objekt"
            defaultValue={filter.objectId ?? ''}
            maxLength={100}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="objekt-hint"
            className="input mt-1 w-80 max-w-full font-mono"
          />
        </div>
        <p id="objekt-hint" className="w-full text-sm text-muted">
          Id-en til en henvendelse står i adressen til henvendelsen, etter /staff/henvendelser/.
        </p>
      </fieldset>
      <button type="submit" className="rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
        Vis
      </button>
      {active ? (
        <Link href="/staff/tilgangslogg" className="py-2 text-brand-dark underline">
          Vis alt
        </Link>
      ) : null}
    </form>
  );
}
