'use client';

import { useRef, useState, type ReactNode } from 'react';
import { variantHeading, type AgeBand } from '@/lib/content/age-bands';
import { AgeChooser } from './age-chooser';
import { useAgeBand, useHydrated } from './age-band-store';

export type Variant = { band: AgeBand; title: string; content: ReactNode };

/**
 * A children's topic in its three variants. In the prerendered HTML (and so without
 * JavaScript) every variant is a labelled section in a disclosure of its own, opened one at a
 * time, so the chosen age never enters the address.
 * In the browser, once an age band is chosen, only that band's variant is shown; the choice
 * is read from sessionStorage and never leaves the device, so the page itself is the same for
 * everyone and stays static.
 */
export function VariantSwitch({ fallbackTitle, variants }: { fallbackTitle: string; variants: readonly Variant[] }) {
  const band = useAgeBand();
  const hydrated = useHydrated();
  const [changing, setChanging] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const chosen = band ? variants.find((v) => v.band === band) : undefined;

  const afterChoice = () => {
    setChanging(false);
    // The text under the heading has changed; bring keyboard and screen-reader users to its start.
    requestAnimationFrame(() => titleRef.current?.focus());
  };

  if (chosen) {
    return (
      <>
        <h1 ref={titleRef} tabIndex={-1} className="text-3xl font-bold focus:outline-none sm:text-4xl">
          {chosen.title}
        </h1>
        <section aria-labelledby="variant-overskrift" className="mt-6">
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-brand-light px-4 py-2">
            <h2 id="variant-overskrift" className="text-base font-semibold">
              {variantHeading(chosen.band)}
            </h2>
            <button
              type="button"
              aria-expanded={changing}
              onClick={() => setChanging((open) => !open)}
              className="rounded-full border-2 border-brand-dark bg-white px-4 py-1 text-base font-semibold text-brand-dark hover:bg-paper"
            >
              Bytt alder
            </button>
          </div>
          {changing && (
            <div className="mt-4">
              <AgeChooser current={chosen.band} heading="Velg en annen alder" onChosen={afterChoice} />
            </div>
          )}
          <div className="mt-6">{chosen.content}</div>
        </section>
      </>
    );
  }

  return (
    <>
      <h1 ref={titleRef} tabIndex={-1} className="text-3xl font-bold focus:outline-none sm:text-4xl">
        {fallbackTitle}
      </h1>
      {hydrated ? (
        <>
          <div className="mt-6">
            <AgeChooser current={null} onChosen={afterChoice} />
          </div>
          {variants.map((v) => (
            <VariantSection key={v.band} variant={v} className="mt-10 border-t-4 border-brand-light pt-6" />
          ))}
        </>
      ) : (
        // Without JavaScript each variant opens on its own, and opening one closes the others
        // (one `name` for all three). Links to each variant's section, the earlier way, put the
        // band in the address and so in the browser's history; opening a <details> changes neither.
        <div className="mt-6">
          <p className="font-semibold">Denne siden har en tekst for hver alder. Trykk på alderen din for å lese.</p>
          {variants.map((v) => (
            <details key={v.band} name="alder" className="group mt-4 rounded-2xl bg-white ring-1 ring-brand/15">
              <summary className="cursor-pointer rounded-2xl bg-brand-light px-4 py-3 text-lg font-semibold text-brand-dark group-open:rounded-b-none">
                {variantHeading(v.band)}
              </summary>
              <VariantSection variant={v} className="px-4 pt-4 pb-6" />
            </details>
          ))}
        </div>
      )}
    </>
  );
}

/** One variant as a labelled section; tests find it by its id, and nothing links to it. */
function VariantSection({ variant, className }: { variant: Variant; className: string }) {
  const headingId = `for-${variant.band}-overskrift`;
  return (
    <section id={`for-${variant.band}`} aria-labelledby={headingId} className={className}>
      <h2 id={headingId} className="text-2xl font-bold">
        <span className="block text-base font-semibold text-muted">{variantHeading(variant.band)}</span>
        {variant.title}
      </h2>
      <div className="mt-4">{variant.content}</div>
    </section>
  );
}
