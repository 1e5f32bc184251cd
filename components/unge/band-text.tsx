import type { ComponentPropsWithoutRef } from 'react';
import { AGE_BANDS, type AgeBand } from '@/lib/content/age-bands';

type Tag = 'span' | 'h1';

/**
 * A text with a wording per age band. Every wording is in the page; the stylesheet shows the
 * chosen band's (app/globals.css, keyed on the data-alder mark the island puts on <html> before
 * the page is drawn), and `fallback`'s while none is chosen or without JavaScript. Without a
 * `fallback` nothing shows until a band is chosen. `as="h1"` makes one heading per band, so
 * the page has exactly one visible first-level heading.
 */
export function BandText({
  texts,
  fallback,
  as: Element = 'span',
  ...rest
}: { texts: Record<AgeBand, string>; fallback?: AgeBand; as?: Tag } & Omit<ComponentPropsWithoutRef<Tag>, 'children'>) {
  return (
    <>
      {AGE_BANDS.map((band) => (
        <Element key={band} {...rest} data-for-band={band} data-default={band === fallback ? '' : undefined}>
          {texts[band]}
        </Element>
      ))}
    </>
  );
}

/** One value per band, from a function of the band. */
export function perBand(text: (band: AgeBand) => string): Record<AgeBand, string> {
  return Object.fromEntries(AGE_BANDS.map((band) => [band, text(band)])) as Record<AgeBand, string>;
}
