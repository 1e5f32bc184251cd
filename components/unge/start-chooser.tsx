import { AGE_BAND_LABELS } from '@/lib/content/age-bands';
import { AgeChooser } from './age-chooser';
import { BandText, perBand } from './band-text';

/**
 * The start page's question about age. Without JavaScript it explains that each page has a
 * text for every age; with it, the visitor picks a band, and the status below confirms it
 * (the island has it announced).
 */
export function StartChooser() {
  return (
    <>
      <p data-no-js-only="" className="rounded-3xl bg-white p-5 ring-1 ring-brand/15">
        Hver side har en tekst for deg under 10 år, en for deg som er 10–13 år og en for deg som er 14–18 år. Trykk på alderen din
        på siden for å lese den som passer for deg.
      </p>
      <div data-js-only="" className="space-y-3">
        <AgeChooser id="alder-start" />
        <p role="status" data-band-status="" className="min-h-7 text-base">
          <span data-band-only="">
            <BandText texts={perBand((band) => `Sidene er nå laget for deg som er ${AGE_BAND_LABELS[band].toLowerCase()}. `)} />
            <button type="button" data-clear-band="" className="font-semibold text-brand-dark underline">
              Vis tekster for alle aldre
            </button>
          </span>
        </p>
      </div>
    </>
  );
}
