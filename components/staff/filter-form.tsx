import Link from 'next/link';

type Option = { value: string; label: string };

/**
 * A staff list's filter: a plain GET form, so it works without JavaScript and the address can
 * be shared. The way back to the whole list shows only while a filter is on.
 */
export function FilterForm({ label, active, clear, children }: { label: string; active: boolean; clear: { href: string; text: string }; children: React.ReactNode }) {
  return (
    <form method="get" role="search" aria-label={label} className="flex flex-wrap items-end gap-x-6 gap-y-4 rounded-2xl bg-white p-4">
      {children}
      <button type="submit" className="rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
        Vis
      </button>
      {active ? (
        <Link href={clear.href} className="py-2 text-brand-dark underline">
          {clear.text}
        </Link>
      ) : null}
    </form>
  );
}

/** A choice in a filter, "Alle" first. Inside a fieldset the legend is the bold label, so this one is not. */
export function FilterSelect({ name, label, value, options, grouped = false }: { name: string; label: string; value?: string; options: Option[]; grouped?: boolean }) {
  return (
    <div>
      <label htmlFor={name} className={grouped ? 'block' : 'block font-semibold'}>
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ''} className="input mt-1">
        <option value="">Alle</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
