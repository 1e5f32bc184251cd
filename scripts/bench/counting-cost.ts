import { performance } from 'node:perf_hooks';
import { loadContent } from '@/lib/content/load';
import { knownPages } from '@/lib/stats/known-pages';
import { countedHit } from '@/lib/stats/visit-rules';
import { visitCounter } from '@/lib/stats/visits';

/**
 * What counting one page costs the server, measured where it runs: the same steps our server
 * takes for every page it answers (lib/server/visit-counting.ts: is it a page view or a visit,
 * then add it to the day's counts in memory), repeated on this process's one core. Added to
 * the time the server spends on a page (1 / its requests per second without counting), it
 * gives the ratio counting can cost at most, free of the noise of a loaded machine.
 */
export function countingMicroseconds(path: string, headers: Record<string, string>, repeats = 300_000): number {
  const isKnown = knownPages(loadContent());
  const counter = visitCounter(async () => {});
  const now = new Date();
  const once = () => {
    const hit = countedHit({ method: 'GET', url: path, status: 200, html: true, headers, youngHost: false }, isKnown);
    if (hit) counter.record(hit, now);
  };
  for (let i = 0; i < 20_000; i++) once(); // warm the JIT first
  const started = performance.now();
  for (let i = 0; i < repeats; i++) once();
  return ((performance.now() - started) * 1000) / repeats;
}

/** The ratio of requests per second with counting to without, when each page costs `countUs` more. */
export function ratioFromCost(notCountingRps: number, countUs: number): number {
  const pageUs = 1_000_000 / notCountingRps;
  return pageUs / (pageUs + countUs);
}
