import type { IncomingMessage } from 'node:http';
import { getDb } from '@/db/client';
import { addDailyCounts } from '@/db/queries/statistics';
import { appClock } from '@/lib/clock';
import { loadContent } from '@/lib/content/load';
import { env } from '@/lib/env';
import { knownPages } from '@/lib/stats/known-pages';
import { countedHit } from '@/lib/stats/visit-rules';
import { visitCounter, type VisitCounter } from '@/lib/stats/visits';

/**
 * Counting happens here, as the server finishes each page: every page goes out through this
 * server, with `Cache-Control: private` on every public page (and `no-store` on staff pages),
 * so no shared cache in front of the app may answer a page in its place and leave it
 * uncounted. The site's assets may be cached anywhere: they are not counted. The one
 * exception is the nginx recipe (VISIT_COUNTING=proxy): its cache may answer a public page
 * for a few seconds, and it sends the app a copy of each request, which is counted instead
 * (countCopy), as a page answered in full.
 */
// Only our server loads this module, once: a plain module variable is the process's one counter.
let kept: VisitCounter | undefined;
const counter = (): VisitCounter => (kept ??= visitCounter(async (counts) => addDailyCounts(await getDb(), counts)));

let isKnownPage: ((path: string) => boolean) | undefined;

/** Counts an HTML page answered to `req` with `status`, if it is a page view or a visit. */
export function countPage(req: IncomingMessage, status: number, youngHost: boolean): void {
  if (env().VISIT_COUNTING !== 'on') return;
  record(req, status, youngHost);
}

/** Counts the proxy's copy of a request as the page it asked for, answered in full. */
export function countCopy(req: IncomingMessage, youngHost: boolean): void {
  if (countsCopies()) record(req, 200, youngHost);
}

function record(req: IncomingMessage, status: number, youngHost: boolean): void {
  const hit = countedHit(
    { method: req.method, url: req.url ?? '/', status, html: true, headers: req.headers, youngHost },
    (path) => (isKnownPage ??= knownPages(loadContent()))(path),
  );
  if (hit) counter().record(hit, appClock().now());
}

/**
 * The proxy's copy of a request (header X-Hjelpelinje-Count-Only, which the recipe sets on its
 * copies and removes from every request it passes on), or undefined for any other request.
 */
export const COUNT_ONLY_HEADER = 'x-hjelpelinje-count-only';

/** Whether the app counts the proxy's copies (and only those). */
export const countsCopies = () => env().VISIT_COUNTING === 'proxy';

export function startVisitCounting(): void {
  if (env().VISIT_COUNTING !== 'off') counter().start();
}

/** Stops the timer and writes what is counted so far: as the server stops. */
export function stopVisitCounting(): Promise<void> {
  return counter().stop();
}
