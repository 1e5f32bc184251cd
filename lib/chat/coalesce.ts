/**
 * Wraps an async job so that calls while it runs lead to exactly one more run afterwards:
 * a stream that is told "something changed" three times during one read reads once more,
 * never in parallel, so it cannot send the same message twice or out of order.
 *
 * A run that fails (the database busy or away) is tried again by itself after RETRY_FIRST_MS,
 * doubling up to RETRY_MAX_MS while it keeps failing, so a message that was stored is still
 * delivered when no other event comes to trigger a read.
 */
export const RETRY_FIRST_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

export function coalesced(job: () => Promise<void>, onError: (err: unknown) => void): () => void {
  let running = false;
  let again = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        try {
          await job();
          failures = 0;
        } catch (err) {
          onError(err);
          failures++;
        }
      } while (again);
    } finally {
      running = false;
    }
    if (failures > 0 && !retry) {
      retry = setTimeout(() => {
        retry = undefined;
        trigger();
      }, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1)));
      retry.unref?.();
    }
  };
  const trigger = () => {
    if (running) again = true;
    else void run();
  };
  return trigger;
}
