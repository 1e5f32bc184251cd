import { AGE_BANDS, AGE_BAND_LABELS } from '@/lib/content/age-bands';

/**
 * Three big buttons: under 10, 10–13, 14–18. The island (components/unge/island.js) keeps the
 * choice in this tab's sessionStorage only and marks the pressed one. Shown only where
 * JavaScript runs (`data-js-only`), since without it the buttons could do nothing; the pages
 * then show every variant instead.
 */
export function AgeChooser({ id, heading = 'Hvor gammel er du?' }: { id: string; heading?: string }) {
  const headingId = `${id}-overskrift`;
  return (
    <div role="group" aria-labelledby={headingId} className="rounded-3xl bg-white p-5 shadow-sm ring-1 ring-brand/15">
      <h2 id={headingId} className="text-xl font-bold">
        {heading}
      </h2>
      <p className="mt-1 text-base text-muted">Vi viser teksten som passer for deg. Valget blir bare lagret i denne fanen, og ikke sendt til oss.</p>
      <div className="mt-4 grid gap-3 sm:grid-cols-3">
        {AGE_BANDS.map((band) => (
          <button
            key={band}
            type="button"
            data-choose-band={band}
            aria-pressed="false"
            className="min-h-14 rounded-2xl border-2 border-brand bg-brand-light px-4 py-3 text-lg font-bold text-brand-dark hover:bg-white aria-pressed:bg-brand aria-pressed:text-white"
          >
            {AGE_BAND_LABELS[band]}
          </button>
        ))}
      </div>
    </div>
  );
}
