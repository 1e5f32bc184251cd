import type { IncomingMessage } from 'node:http';
import { getDb } from '@/db/client';
import { addDailyCounts } from '@/db/queries/statistics';
import { appClock } from '@/lib/clock';
import { loadContent } from '@/lib/content/load';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { listenForCountLines, type CountListener } from '@/lib/server/count-listener';
import { answeredFromLine } from '@/lib/stats/count-line';
import { knownPages } from '@/lib/stats/known-pages';
import { countedHit, type AnsweredRequest } from '@/lib/stats/visit-rules';
import { visitCounter, type VisitCounter } from '@/lib/stats/visits';

/**
 * Counting happens here, as the server finishes each page: every page goes out through this
 * server, with `Cache-Control: private` on every public page (and `no-store` on staff pages),
 * so no shared cache in front of the app may answer a page in its place and leave it
 * uncounted. The site's assets may be cached anywhere: they are not counted. The one
 * exception is the nginx recipe (VISIT_COUNTING=proxy): its cache may answer a public page
 * for a few seconds, so nginx sends a line for each request it answered, over loopback UDP
 * (lib/stats/count-line.ts), and those lines are counted instead of the pages answered here.
 */
// Only our server loads this module, once: plain module variables are the process's one counter and listener.
let kept: VisitCounter | undefined;
const counter = (): VisitCounter => (kept ??= visitCounter(async (counts) => addDailyCounts(await getDb(), counts)));
let listener: CountListener | undefined;
let ignoredLines = 0;

let isKnownPage: ((path: string) => boolean) | undefined;

/** Counts an HTML page answered to `req` with `status`, if it is a page view or a visit. */
export function countPage(req: IncomingMessage, status: number, youngHost: boolean): void {
  if (env().VISIT_COUNTING !== 'on') return;
  record({ method: req.method, url: req.url ?? '/', status, html: true, headers: req.headers, youngHost });
}

/** Counts one of the recipe's lines, which came `times` times; a line that is not one is left, unread and unlogged. */
function countLine(line: string, times: number): void {
  const answered = answeredFromLine(line, env().UNGE_HOST);
  if (answered) record(answered, times);
  else if ((ignoredLines += times) === times) log.warn('stats.count_line_ignored');
}

function record(request: AnsweredRequest, times = 1): void {
  const hit = countedHit(request, (path) => (isKnownPage ??= knownPages(loadContent()))(path));
  if (!hit) return;
  const now = appClock().now();
  for (let i = 0; i < times; i++) counter().record(hit, now);
}

/** Whether nginx's count lines do the counting (VISIT_COUNTING=proxy), and the app counts none of its own answers. */
export const countsProxyLines = () => env().VISIT_COUNTING === 'proxy';

/** Starts the counter, and with VISIT_COUNTING=proxy the listener; rejects if its port is taken. */
export async function startVisitCounting(): Promise<void> {
  if (env().VISIT_COUNTING === 'off') return;
  if (countsProxyLines()) listener = await listenForCountLines(env().VISIT_COUNT_PORT, countLine);
  counter().start();
}

/** Stops listening and the timer, and writes what is counted so far: as the server stops. */
export async function stopVisitCounting(): Promise<void> {
  await listener?.close();
  listener = undefined;
  if (ignoredLines > 0) log.warn('stats.count_lines_ignored', { count: ignoredLines });
  return counter().stop();
}
