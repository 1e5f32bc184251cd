import 'server-only';
import { errorCode } from '@/db/client';
import { httpStatus, Refusal } from '@/lib/actions/refusal';
import { json } from '@/lib/http/answer';
import { log } from '@/lib/log';

/**
 * The one way to write a public route handler (the anonymous chat). Anyone may call it, so it
 * checks no session; what it adds is the answer to a failure: a refusal becomes its status and
 * sentence as `{ error }`, and anything thrown becomes a 503 with a calm Norwegian sentence, never
 * the server's HTML error page or a stack trace. Body limits and the origin check stay where the
 * HTTP server enforces them, before Next parses anything.
 */
export function publicRoute(spec: { event: string; failed: string; run: (request: Request) => Promise<Response> }) {
  return async (request: Request): Promise<Response> => {
    try {
      return await spec.run(request);
    } catch (err) {
      if (err instanceof Refusal) return json({ error: err.message }, { status: httpStatus[err.code] });
      log.error(`${spec.event}.failed`, { code: errorCode(err) });
      return json({ error: spec.failed }, { status: httpStatus.unavailable });
    }
  };
}
