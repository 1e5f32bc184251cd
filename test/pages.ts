import { articleHref } from '../lib/content/href';
import { loadContent } from '../lib/content/load';

const content = loadContent();

/**
 * Every page of both sites, for scans that must cover them all: the fixed pages, every
 * section, every article in each of its sections, every tag, every children's topic, and the
 * search pages with and without results.
 */
export const publicPages: readonly string[] = [
  '/',
  '/i-helsetjenesten',
  '/pa-skolen',
  '/i-arbeidslivet',
  '/for-studenter',
  ...content.articles.flatMap((a) => a.sections.map((section) => articleHref(a, section))),
  ...content.tags.map((t) => `/tema/${t.slug}`),
  '/kurs',
  '/kontakt',
  '/chat',
  '/sok',
  '/sok?q=sykdom',
  '/sok?q=ingenting+her+zyxw',
  '/personvern',
  '/personvern/versjoner',
  '/personvern/versjoner/1',
  '/personvern/endringer',
  '/apenhet',
  '/denne-siden-finnes-ikke',
  '/unge',
  ...content.youngTopics.map((t) => `/unge/${t.slug}`),
  '/unge/brukeravtale',
  '/unge/skjul-besoket',
  '/unge/sok',
  '/unge/sok?q=sorg',
];

/** `items` cut into runs of at most `size`, in order. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
