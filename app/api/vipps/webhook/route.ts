import { getDb } from '@/db/client';
import { appClock } from '@/lib/clock';
import { applyPaymentEvent, vippsFromEnv } from '@/lib/courses/payment';
import { env } from '@/lib/env';
import { json } from '@/lib/http/answer';
import { log } from '@/lib/log';
import { checkWebhook, readPaymentEvent } from '@/lib/payments/vipps-webhook';
import { publicRoute } from '@/lib/public/route';

/**
 * Where Vipps MobilePay tells us what happened to a payment (register SITE_URL/api/vipps/webhook
 * for the ePayment events with Vipps's Webhooks API; it answers with the secret that goes in
 * VIPPS_WEBHOOK_SECRET). A delivery must carry Vipps's signature over its date, host, path and
 * body, and be no more than five minutes old; anything else is refused with 401, and only the
 * name of the failed check is logged. Vipps delivers at least once: acting on the same event
 * twice changes nothing the second time (see lib/courses/payment.ts).
 */
export const dynamic = 'force-dynamic';

export const POST = publicRoute({
  event: 'course.webhook',
  failed: 'Hendelsen kunne ikke tas imot akkurat nå.',
  run: async (request) => {
    const secret = env().VIPPS_WEBHOOK_SECRET;
    const client = vippsFromEnv();
    if (!secret || !client) return json({ error: 'Betaling med Vipps er ikke satt opp.' }, { status: 404 });
    const body = await request.text();
    const url = new URL(request.url);
    const now = appClock().now();
    const check = checkWebhook(
      secret,
      {
        pathAndQuery: url.pathname + url.search,
        host: request.headers.get('host'),
        date: request.headers.get('x-ms-date'),
        contentSha256: request.headers.get('x-ms-content-sha256'),
        authorization: request.headers.get('authorization'),
        body,
      },
      now,
    );
    if (!check.ok) {
      log.warn('course.webhook_refused', { reason: check.reason });
      return json({ error: 'Ugyldig signatur.' }, { status: 401 });
    }
    const event = readPaymentEvent(body);
    if (!event) {
      log.warn('course.webhook_unreadable');
      return json({ ok: true });
    }
    await applyPaymentEvent(await getDb(), client, { event, now });
    log.info('course.webhook', { event: event.name });
    return json({ ok: true });
  },
});
