import type { CategoryOptions } from '@/db/queries/contact-stats';

/**
 * The reasons for contact and the outcomes of one inquiry or chat, as two groups of
 * checkboxes named `arsak` and `utfall`. `checked` overrides what is stored (what the person
 * ticked before an error). A retired category shows only where it is already set. With
 * `anchors`, each group's first box has the group's name as id, for an error summary's links.
 */
export function CategoryFieldsets({
  options,
  checked,
  error,
  idPrefix,
  anchors = false,
}: {
  options: CategoryOptions;
  checked?: ReadonlySet<number>;
  error?: string;
  idPrefix: string;
  anchors?: boolean;
}) {
  const groups = [
    { name: 'arsak', legend: 'Tema', hint: 'Hva handlet kontakten om? Velg alt som passer.', items: options.reasons },
    { name: 'utfall', legend: 'Utfall', hint: 'Hva ble resultatet?', items: options.outcomes },
  ] as const;
  return (
    <>
      {error ? (
        <p id={`${idPrefix}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {groups.map((g) => (
        <fieldset key={g.name} aria-describedby={`${idPrefix}-${g.name}-hint`}>
          <legend className="font-semibold">{g.legend}</legend>
          <p id={`${idPrefix}-${g.name}-hint`} className="text-sm text-muted">
            {g.hint}
          </p>
          <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {g.items.map((o, i) => (
              <label key={o.id} className="flex items-center gap-3 py-1">
                <input type="checkbox" name={g.name} value={o.id} id={anchors && i === 0 ? g.name : undefined} defaultChecked={checked ? checked.has(o.id) : o.checked} className="size-5 shrink-0" />
                <span>
                  {o.label}
                  {o.retired ? <span className="text-muted"> (ikke lenger i bruk)</span> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
