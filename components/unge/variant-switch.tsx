'use client';

import { useRef, useState, type ReactNode } from 'react';
import { AGE_BAND_LABELS, variantHeading, type AgeBand } from '@/lib/content/age-bands';
import { AgeChooser } from './age-chooser';
import { useAgeBand, useHydrated } from './age-band-store';

export type Variant = { band: AgeBand; title: string; content: ReactNode };

/**
 * A children's topic in its three variants. In the prerendered HTML (and so without
 * JavaScript) every variant is on the page as its own labelled section, with links to each.
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
        <div className="mt-6">
          <AgeChooser current={null} onChosen={afterChoice} />
        </div>
      ) : (
        // Without JavaScript the choice is a jump to the variant's section further down.
        <nav aria-label="Tekster for ulike aldre" className="mt-6 rounded-2xl bg-white p-4 ring-1 ring-brand/15">
          <p className="font-semibold">Denne siden har en tekst for hver alder:</p>
          <ul className="mt-2 flex flex-wrap gap-3">
            {variants.map((v) => (
              <li key={v.band}>
                <a href={`#for-${v.band}`} className="inline-block rounded-full bg-brand-light px-4 py-2 font-semibold text-brand-dark underline">
                  {AGE_BAND_LABELS[v.band]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {variants.map((v) => (
        <section
          key={v.band}
          id={`for-${v.band}`}
          aria-labelledby={`for-${v.band}-overskrift`}
          className="mt-10 scroll-mt-20 border-t-4 border-brand-light pt-6"
        >
          <h2 id={`for-${v.band}-overskrift`} className="text-2xl font-bold">
            <span className="block text-base font-semibold text-muted">{variantHeading(v.band)}</span>
            {v.title}
          </h2>
          <div className="mt-4">{v.content}</div>
        </section>
      ))}
    </>
  );
}
