/**
 * Wraps an async job so that calls while it runs lead to exactly one more run afterwards:
 * a stream that is told "something changed" three times during one read reads once more,
 * never in parallel, so it cannot send the same message twice or out of order.
 */
export function coalesced(job: () => Promise<void>, onError: (err: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        try {
          await job();
        } catch (err) {
          onError(err);
        }
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
