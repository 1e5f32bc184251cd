import type { DailyPageViews, DailyVisits } from '@/db/queries/statistics';
import { osloIsoDate } from '@/lib/dates';
import { log } from '@/lib/log';
import type { Hit } from '@/lib/stats/visit-rules';

/**
 * Page views and visits, added up in memory and written as daily totals: a request costs no
 * database write, only an addition here. `flush` writes what was added since the last one,
 * one upsert per day and key; the server calls it every FLUSH_INTERVAL_MS and as it stops,
 * so at most that long a stretch of counts is lost if the process dies without stopping. A
 * failed write keeps its counts for the next flush. What is held is bounded by the known pages
 * times the days between two flushes; past MAX_KEYS (the database away for days) new keys are
 * dropped and the dropping is logged.
 */
const FLUSH_INTERVAL_MS = 60_000;
const MAX_KEYS = 20_000;

export type CountWriter = (counts: { pageViews: DailyPageViews[]; visits: DailyVisits[] }) => Promise<void>;

export type VisitCounter = {
  record: (hit: Hit, at: Date) => void;
  flush: () => Promise<void>;
  /** Flushes every interval until `stop`, which flushes a last time. */
  start: (intervalMs?: number) => void;
  stop: () => Promise<void>;
};

export function visitCounter(write: CountWriter): VisitCounter {
  let pageViews = new Map<string, number>();
  let visits = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  let dropped = 0;

  const add = (map: Map<string, number>, key: string, n: number) => {
    const had = map.get(key);
    if (had === undefined && pageViews.size + visits.size >= MAX_KEYS) {
      dropped += n;
      return;
    }
    map.set(key, (had ?? 0) + n);
  };

  const writeOnce = async () => {
    if (pageViews.size === 0 && visits.size === 0) return;
    const taken = { pageViews, visits };
    pageViews = new Map();
    visits = new Map();
    const rows = {
      pageViews: [...taken.pageViews].map(([key, views]) => {
        const [day, path] = split(key);
        return { day, path, views };
      }),
      visits: [...taken.visits].map(([key, n]) => {
        const [day, site] = split(key);
        return { day, site: site as DailyVisits['site'], visits: n };
      }),
    };
    try {
      await write(rows);
    } catch (err) {
      // Kept for the next flush, added to whatever came meanwhile.
      for (const [key, n] of taken.pageViews) add(pageViews, key, n);
      for (const [key, n] of taken.visits) add(visits, key, n);
      log.warn('stats.flush_failed', { name: err instanceof Error ? err.name : 'unknown' });
    }
    if (dropped > 0) {
      log.warn('stats.counts_dropped', { count: dropped });
      dropped = 0;
    }
  };

  // One flush at a time, in order: a flush asked for while one runs follows it.
  const flush = () => (flushing = flushing.then(writeOnce));

  return {
    record(hit, at) {
      const day = dayOf(at);
      if (hit.page) add(pageViews, `${day}|${hit.page}`, 1);
      if (hit.visit) add(visits, `${day}|${hit.site}`, 1);
    },
    flush,
    start(intervalMs = FLUSH_INTERVAL_MS) {
      if (timer) return;
      timer = setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}

// Oslo's day changes on a whole minute (its offsets are whole hours), so the day of a minute
// is worked out once: a page view then costs two additions, not a time-zone conversion.
let lastMinute = Number.NaN;
let lastDay = '';
function dayOf(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = osloIsoDate(at);
    lastMinute = minute;
  }
  return lastDay;
}

function split(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}
