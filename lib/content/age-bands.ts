/**
 * The age bands of the children's pages, youngest first; each topic has a file `<band>.md` per band.
 * Kept apart from the content schemas so the browser code that uses the list carries no zod.
 */
export const AGE_BANDS = ['under-10', '10-13', '14-18'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The sessionStorage key the children's pages keep the chosen band under, in the tab and
 * nowhere else (components/unge/island.js); the quick exit clears it with the rest.
 */
export const AGE_BAND_STORAGE_KEY = 'hjelpelinje.alder';

/** How each band is named to the reader: on the chooser's buttons and above each variant. */
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  'under-10': 'Under 10 år',
  '10-13': '10–13 år',
  '14-18': '14–18 år',
};

/** The heading above a variant: "For deg som er 10–13 år". */
export function variantHeading(band: AgeBand): string {
  return band === 'under-10' ? 'For deg som er under 10 år' : `For deg som er ${AGE_BAND_LABELS[band]}`;
}
