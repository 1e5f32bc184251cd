import 'server-only';
import { chatUnavailable } from '@/lib/chat/unavailable';
import { appClock, type Clock } from '@/lib/clock';
import { publicRoute } from '@/lib/public/route';

type VisitorWork = { request: Request; clock: Clock; now: Date };

/**
 * A route the chat's visitor calls: a public route whose failures answer with the chat's own
 * sentence (which names where else to get help). The time is read once, as the request starts.
 */
export function visitorRoute(event: string, run: (work: VisitorWork) => Promise<Response>) {
  return publicRoute({
    event,
    failed: chatUnavailable,
    run: (request) => {
      const clock = appClock();
      return run({ request, clock, now: clock.now() });
    },
  });
}
