import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks that a webhook really comes from Vipps MobilePay. Vipps signs each delivery with the
 * secret it gave when the webhook was registered (VIPPS_WEBHOOK_SECRET): an HMAC-SHA256 over
 * the method, the path and query, the `x-ms-date` header, the host and the SHA-256 of the body
 * (`x-ms-content-sha256`). We also refuse a delivery whose date is more than five minutes off
 * our clock, so a recorded one cannot be played again later.
 *
 * The answer is ok or the name of what failed, which is all that is logged.
 */
export const WEBHOOK_MAX_SKEW_MS = 5 * 60_000;

export type WebhookRequest = {
  /** The path and query the delivery was sent to, e.g. /api/vipps/webhook. */
  pathAndQuery: string;
  host: string | null;
  date: string | null;
  contentSha256: string | null;
  authorization: string | null;
  body: string;
};

export type WebhookCheck = { ok: true } | { ok: false; reason: 'missing_header' | 'bad_content_hash' | 'stale' | 'bad_signature' };

const contentHash = (body: string) => createHash('sha256').update(body, 'utf8').digest('base64');

/** The string Vipps signs, and its HMAC in base64. */
function webhookSignature(secret: string, r: { pathAndQuery: string; host: string; date: string; contentSha256: string }): string {
  const signed = `POST\n${r.pathAndQuery}\n${r.date};${r.host};${r.contentSha256}`;
  return createHmac('sha256', secret).update(signed, 'utf8').digest('base64');
}

/** The headers a signed delivery carries (used by the local stand-in and by tests). */
export function signedWebhookHeaders(secret: string, { url, body, date }: { url: URL; body: string; date: Date }): Record<string, string> {
  const contentSha256 = contentHash(body);
  const dateText = date.toUTCString();
  const signature = webhookSignature(secret, { pathAndQuery: url.pathname + url.search, host: url.host, date: dateText, contentSha256 });
  return {
    'x-ms-date': dateText,
    'x-ms-content-sha256': contentSha256,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  };
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function checkWebhook(secret: string, r: WebhookRequest, now: Date): WebhookCheck {
  if (!r.host || !r.date || !r.contentSha256 || !r.authorization) return { ok: false, reason: 'missing_header' };
  if (!equal(contentHash(r.body), r.contentSha256)) return { ok: false, reason: 'bad_content_hash' };
  const sent = Date.parse(r.date);
  if (!Number.isFinite(sent) || Math.abs(now.getTime() - sent) > WEBHOOK_MAX_SKEW_MS) return { ok: false, reason: 'stale' };
  const expected = `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${webhookSignature(secret, { pathAndQuery: r.pathAndQuery, host: r.host, date: r.date, contentSha256: r.contentSha256 })}`;
  return equal(expected, r.authorization) ? { ok: true } : { ok: false, reason: 'bad_signature' };
}

/** The events we act on, out of those the ePayment API sends. */
const PAYMENT_EVENTS = ['CREATED', 'AUTHORIZED', 'ABORTED', 'EXPIRED', 'TERMINATED', 'CAPTURED', 'CANCELLED', 'REFUNDED'] as const;
type PaymentEventName = (typeof PAYMENT_EVENTS)[number];
export type PaymentEvent = { reference: string; name: PaymentEventName; success: boolean };

/** The parts of a delivery's body we use; undefined when it is not an ePayment event. */
export function readPaymentEvent(body: string): PaymentEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object') return undefined;
  const { reference, name, success } = json as Record<string, unknown>;
  if (typeof reference !== 'string' || typeof name !== 'string' || !(PAYMENT_EVENTS as readonly string[]).includes(name)) return undefined;
  return { reference, name: name as PaymentEventName, success: success !== false };
}
