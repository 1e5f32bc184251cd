import type { AccessLogFilter } from '@/db/queries/access-log';
import { FilterForm, FilterSelect } from '@/components/staff/filter-form';
import { objectTypeLabel, objectTypeLabels } from './labels';

type Person = { id: string; name: string; disabled: boolean };

/** The log's filter: by who acted, and by the object acted on. */
export function LogFilters({ filter, people }: { filter: AccessLogFilter; people: Person[] }) {
  const types = Object.keys(objectTypeLabels);
  // A type from the address that the list does not know is still offered, so it stays chosen.
  if (filter.objectType && !types.includes(filter.objectType)) types.push(filter.objectType);
  const active = Boolean(filter.staffId || filter.objectType || filter.objectId);
  return (
    <FilterForm label="Filtrer tilgangsloggen" active={active} clear={{ href: '/staff/tilgangslogg', text: 'Vis alt' }}>
      <FilterSelect
        name="ansatt"
        label="Ansatt"
        value={filter.staffId}
        options={people.map((p) => ({ value: p.id, label: p.disabled ? `${p.name} (deaktivert)` : p.name }))}
      />
      <fieldset className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <legend className="font-semibold">Objekt</legend>
        <FilterSelect name="type" label="Type" value={filter.objectType} options={types.map((t) => ({ value: t, label: objectTypeLabel(t) }))} grouped />
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
    </FilterForm>
  );
}
