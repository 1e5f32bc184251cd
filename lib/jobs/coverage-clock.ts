// Not marked 'server-only': our server stops the clock at shutdown (scripts/serve.ts).
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { peekProcessWide, processWide, setProcessWide } from '@/lib/process-wide';

const MINUTE_MS = 60_000;
/** Into each minute, so a host who opened the workbench as it turned is still seen. */
const OFFSET_MS = 1_000;
const CLOCK = 'coverage-clock';

function scheduleCoverage(): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    const now = appClock().now().getTime();
    const wait = MINUTE_MS - (now % MINUTE_MS) + OFFSET_MS;
    timer = setTimeout(() => void tick(), wait > MINUTE_MS ? wait - MINUTE_MS : wait);
    timer.unref();
  };
  const tick = async () => {
    try {
      // The hub lives in Next's bundle; this module is loaded by our server too.
      const { countCoverage } = await import('@/lib/chat/coverage');
      await countCoverage(appClock().now());
    } catch (err) {
      log.error('chat.coverage_failed', { name: err instanceof Error ? err.name : 'unknown' });
    } finally {
      next();
    }
  };
  next();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/**
 * Starts the process's one coverage clock: once a minute, the minute is counted as open (when
 * the chat is) and as staffed (when a host on this instance has the workbench open). Not in
 * development, where the server restarts with every edit.
 */
export function startCoverageClock(): void {
  if (env().NODE_ENV === 'development') return;
  processWide(CLOCK, scheduleCoverage);
}

/** Stops the coverage clock, if one runs: for a clean shutdown. */
export function stopCoverageClock(): void {
  peekProcessWide<() => void>(CLOCK)?.();
  setProcessWide(CLOCK, undefined);
}
