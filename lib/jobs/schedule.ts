import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { runPurge } from '@/lib/jobs/purge';
import { log } from '@/lib/log';
import { peekProcessWide, processWide, setProcessWide } from '@/lib/process-wide';

/**
 * Runs the purge inside the app every PURGE_INTERVAL_MINUTES (15 by default; 0 turns it off
 * when an external scheduler runs `npm run purge`). Every instance schedules it; the purge's
 * own lock makes sure only one runs at a time.
 */
function schedulePurge(): () => void {
  const minutes = env().PURGE_INTERVAL_MINUTES;
  if (minutes === 0) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const summary = await runPurge({ now: appClock().now() });
      // A line per run, counts only: an operator (and the start-up test) can see the schedule is alive.
      log.info('purge.scheduled_run', { skipped: summary.skipped, deleted: summary.rules.reduce((n, r) => n + r.deleted, 0) });
    } catch (err) {
      log.error('purge.failed', { name: err instanceof Error ? err.name : 'unknown' });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const timer = setInterval(() => void tick(), minutes * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

const SCHEDULE = 'purge-schedule';

/**
 * Starts the process's one purge schedule (instrumentation.ts calls this as Next starts; a
 * second call, from another copy of the code, finds it running). Not in development, where
 * the server restarts with every edit.
 */
export function startPurgeSchedule(): void {
  if (env().NODE_ENV === 'development') return;
  processWide(SCHEDULE, schedulePurge);
}

/** Stops the process's purge schedule, if one runs: for a clean shutdown. */
export function stopPurgeSchedule(): void {
  peekProcessWide<() => void>(SCHEDULE)?.();
  setProcessWide(SCHEDULE, undefined);
}
