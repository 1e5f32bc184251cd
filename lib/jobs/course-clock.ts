// Not marked 'server-only': our server stops the clock at shutdown (scripts/serve.ts).
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { peekProcessWide, processWide, setProcessWide } from '@/lib/process-wide';

const MINUTE_MS = 60_000;
const CLOCK = 'course-clock';

function scheduleCourseClock(): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // The work lives in Next's bundle; this module is loaded by our server too.
      const { runCourseClock } = await import('@/lib/courses/clock-work');
      const summary = await runCourseClock(appClock().now());
      if (summary.captured || summary.captureFailed || summary.settled || summary.settleFailed || summary.reminded) log.info('course.clock', summary);
    } catch (err) {
      log.error('course.clock_failed', { name: err instanceof Error ? err.name : 'unknown' });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const timer = setInterval(() => void tick(), MINUTE_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * Starts the process's one course clock: once a minute it charges reserved course payments
 * whose course has started and sends the reminders due. Not in development, where the server
 * restarts with every edit.
 */
export function startCourseClock(): void {
  if (env().NODE_ENV === 'development') return;
  processWide(CLOCK, scheduleCourseClock);
}

/** Stops the course clock, if one runs: for a clean shutdown. */
export function stopCourseClock(): void {
  peekProcessWide<() => void>(CLOCK)?.();
  setProcessWide(CLOCK, undefined);
}
