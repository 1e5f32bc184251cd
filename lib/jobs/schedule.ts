import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { runPurge } from '@/lib/jobs/purge';
import { log } from '@/lib/log';

/**
 * Runs the purge inside the app every PURGE_INTERVAL_MINUTES (15 by default; 0 turns it off
 * when an external scheduler runs `npm run purge`). Every instance schedules it; the purge's
 * own lock makes sure only one runs at a time.
 */
export function schedulePurge(): () => void {
  const minutes = env().PURGE_INTERVAL_MINUTES;
  if (minutes === 0) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runPurge({ now: appClock().now() });
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
