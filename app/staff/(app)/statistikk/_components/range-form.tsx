import type { RangeReading } from '@/lib/stats/report-range';

const field = 'input mt-1 w-40 max-w-full';

/**
 * The period: a plain GET form (works without JavaScript, the address can be shared). Text
 * fields rather than date pickers, so what was typed comes back exactly as typed when it is
 * refused; both 31.01.2026 and 2026-01-31 are read.
 */
export function RangeForm({ reading }: { reading: RangeReading }) {
  const error = reading.ok ? undefined : reading;
  const input = (name: 'fra' | 'til', label: string) => {
    const wrong = error?.field === name;
    return (
      <div>
        <label htmlFor={name} className="block font-semibold">
          {label}
        </label>
        <input
          id={name}
          name={name}
          defaultValue={reading.typed[name]}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={wrong || undefined}
          aria-describedby={wrong ? 'periode-feil periode-hint' : 'periode-hint'}
          className={field}
        />
      </div>
    );
  };
  return (
    <form method="get" aria-label="Velg periode" className="space-y-3 rounded-2xl bg-white p-4">
      {error ? (
        <div role="alert" className="rounded-lg border-2 border-accent p-3">
          <p className="font-semibold">Perioden kan ikke vises</p>
          <p id="periode-feil">
            <a href={`#${error.field}`} className="text-accent underline">
              {error.message}
            </a>
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        {input('fra', 'Fra og med')}
        {input('til', 'Til og med')}
        <button type="submit" className="rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
          Vis
        </button>
      </div>
      <p id="periode-hint" className="text-sm text-muted">
        Skriv datoene som 31.01.2026. Perioden kan være opptil to år.
      </p>
    </form>
  );
}
