'use client';

import { AGE_BAND_LABELS } from '@/lib/content/age-bands';
import { AgeChooser } from './age-chooser';
import { chooseAgeBand, useAgeBand, useHydrated } from './age-band-store';

/**
 * The start page's question about age. Without JavaScript it explains that each page has a
 * text for every age; with it, the visitor picks a band, and the choice is confirmed politely.
 */
export function StartChooser() {
  const band = useAgeBand();
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <p className="rounded-3xl bg-white p-5 ring-1 ring-brand/15">
        Hver side har en tekst for deg under 10 år, en for deg som er 10–13 år og en for deg som er 14–18 år. Trykk på alderen din
        på siden for å lese den som passer for deg.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <AgeChooser current={band} />
      <p role="status" className="min-h-7 text-base">
        {band && (
          <>
            Sidene er nå laget for deg som er {AGE_BAND_LABELS[band].toLowerCase()}.{' '}
            <button type="button" onClick={() => chooseAgeBand(null)} className="font-semibold text-brand-dark underline">
              Vis tekster for alle aldre
            </button>
          </>
        )}
      </p>
    </div>
  );
}
