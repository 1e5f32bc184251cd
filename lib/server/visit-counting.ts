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
 * uncounted. The site's assets may be cached anywhere: they are not counted.
 */
// Only our server loads this module, once: a plain module variable is the process's one counter.
let kept: VisitCounter | undefined;
const counter = (): VisitCounter => (kept ??= visitCounter(async (counts) => addDailyCounts(await getDb(), counts)));

let isKnownPage: ((path: string) => boolean) | undefined;

/** Counts an HTML page answered to `req` with `status`, if it is a page view or a visit. */
export function countPage(req: IncomingMessage, status: number, youngHost: boolean): void {
  if (env().VISIT_COUNTING === 'off') return;
  const hit = countedHit(
    { method: req.method, url: req.url ?? '/', status, html: true, headers: req.headers, youngHost },
    (path) => (isKnownPage ??= knownPages(loadContent()))(path),
  );
  if (hit) counter().record(hit, appClock().now());
}

export function startVisitCounting(): void {
  if (env().VISIT_COUNTING === 'on') counter().start();
}

/** Stops the timer and writes what is counted so far: as the server stops. */
export function stopVisitCounting(): Promise<void> {
  return counter().stop();
}
