import type { ReactNode } from 'react';
import { variantHeading, type AgeBand } from '@/lib/content/age-bands';
import { AgeChooser } from './age-chooser';
import { BandText, perBand } from './band-text';

export type Variant = { band: AgeBand; title: string; content: ReactNode };

/**
 * A children's topic in its three variants, all in the page, each a labelled section in a
 * disclosure of its own, opened one at a time (one `name` for all three), so the chosen age
 * never enters the address. That is the page without JavaScript.
 *
 * With the island (components/unge/island.js) the age chooser shows above them; once a band is
 * chosen the stylesheet shows only that band's title and text, open, with a "Bytt alder"
 * button (app/globals.css). The choice is read from sessionStorage before the page is drawn,
 * so nothing moves, and it never leaves the device: the page is the same for everyone.
 */
export function VariantSwitch({ fallback, variants }: { fallback: AgeBand; variants: readonly Variant[] }) {
  const titles = perBand((band) => variants.find((v) => v.band === band)?.title ?? '');
  return (
    <>
      <BandText
        as="h1"
        texts={titles}
        fallback={fallback}
        tabIndex={-1}
        data-band-title=""
        className="text-3xl font-bold focus:outline-none sm:text-4xl"
      />
      <div data-js-only="" data-no-band-only="" className="mt-6">
        <AgeChooser id="alder-tema" />
      </div>
      <div data-band-only="" className="mt-6 flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-brand-light px-4 py-2">
        <h2 className="text-base font-semibold">
          <BandText texts={perBand(variantHeading)} />
        </h2>
        <button
          type="button"
          data-change-band=""
          aria-expanded="false"
          aria-controls="bytt-alder"
          className="rounded-full border-2 border-brand-dark bg-white px-4 py-1 text-base font-semibold text-brand-dark hover:bg-paper"
        >
          Bytt alder
        </button>
      </div>
      <div id="bytt-alder" data-band-only="" hidden className="mt-4">
        <AgeChooser id="alder-bytt" heading="Velg en annen alder" />
      </div>
      <div className="mt-6">
        <p data-no-band-only="" className="font-semibold">
          Denne siden har en tekst for hver alder. Trykk på alderen din for å lese.
        </p>
        {variants.map((v) => (
          <details key={v.band} name="alder" data-variant={v.band} className="group mt-4 rounded-2xl bg-white ring-1 ring-brand/15">
            <summary className="cursor-pointer rounded-2xl bg-brand-light px-4 py-3 text-lg font-semibold text-brand-dark group-open:rounded-b-none">
              {variantHeading(v.band)}
            </summary>
            <VariantSection variant={v} />
          </details>
        ))}
      </div>
    </>
  );
}

/** One variant as a labelled section; tests find it by its id, and nothing links to it. */
function VariantSection({ variant }: { variant: Variant }) {
  const headingId = `for-${variant.band}-overskrift`;
  return (
    <section id={`for-${variant.band}`} aria-labelledby={headingId} className="px-4 pt-4 pb-6">
      <h2 id={headingId} data-variant-heading="" className="text-2xl font-bold">
        <span className="block text-base font-semibold text-muted">{variantHeading(variant.band)}</span>
        {variant.title}
      </h2>
      <div className="mt-4">{variant.content}</div>
    </section>
  );
}
