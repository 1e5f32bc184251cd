'use client';

import { useId } from 'react';
import { AGE_BANDS, AGE_BAND_LABELS, type AgeBand } from '@/lib/content/age-bands';
import { chooseAgeBand } from './age-band-store';

/**
 * Three big buttons: under 10, 10–13, 14–18. The choice goes to sessionStorage only (see
 * age-band-store.ts). Rendered only once JavaScript runs, since without it the buttons could
 * do nothing; the pages then show every variant instead.
 */
export function AgeChooser({
  current,
  heading = 'Hvor gammel er du?',
  onChosen,
}: {
  current: AgeBand | null;
  heading?: string;
  onChosen?: (band: AgeBand) => void;
}) {
  const headingId = useId();
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
            aria-pressed={current === band}
            onClick={() => {
              chooseAgeBand(band);
              onChosen?.(band);
            }}
            className="min-h-14 rounded-2xl border-2 border-brand bg-brand-light px-4 py-3 text-lg font-bold text-brand-dark hover:bg-white aria-pressed:bg-brand aria-pressed:text-white"
          >
            {AGE_BAND_LABELS[band]}
          </button>
        ))}
      </div>
    </div>
  );
}
