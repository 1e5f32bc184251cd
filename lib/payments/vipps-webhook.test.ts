import { describe, expect, it } from 'vitest';
import { checkWebhook, readPaymentEvent, signedWebhookHeaders, WEBHOOK_MAX_SKEW_MS } from '@/lib/payments/vipps-webhook';

const SECRET = 'en-hemmelighet-for-testen-0123456789';
const url = new URL('https://hjelpelinje.example/api/vipps/webhook');
const body = JSON.stringify({ reference: 'kurs-0123456789abcdef01234567', name: 'AUTHORIZED', success: true });
const now = new Date('2027-03-01T10:00:00Z');

function request(overrides: Partial<Parameters<typeof checkWebhook>[1]> = {}, { secret = SECRET, date = now, signedBody = body } = {}) {
  const h = signedWebhookHeaders(secret, { url, body: signedBody, date });
  return {
    pathAndQuery: url.pathname,
    host: url.host,
    date: h['x-ms-date']!,
    contentSha256: h['x-ms-content-sha256']!,
    authorization: h.authorization!,
    body,
    ...overrides,
  };
}

describe('a Vipps webhook', () => {
  it('is accepted when signed with our secret over its date, host, path and body', () => {
    expect(checkWebhook(SECRET, request(), now)).toEqual({ ok: true });
  });

  it('is refused when signed with another secret', () => {
    expect(checkWebhook(SECRET, request({}, { secret: 'en-annen-hemmelighet-0123456789abcd' }), now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('is refused when the body was changed after signing', () => {
    const changed = body.replace('AUTHORIZED', 'CAPTURED');
    expect(checkWebhook(SECRET, request({ body: changed }), now)).toEqual({ ok: false, reason: 'bad_content_hash' });
    // Even with a content hash that fits the new body, the signature does not.
    const h = signedWebhookHeaders(SECRET, { url, body: changed, date: now });
    expect(checkWebhook(SECRET, request({ body: changed, contentSha256: h['x-ms-content-sha256']! }), now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('is refused when sent to another path or host than it was signed for', () => {
    expect(checkWebhook(SECRET, request({ pathAndQuery: '/api/vipps/webhook?x=1' }), now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkWebhook(SECRET, request({ host: 'angriper.example' }), now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('is refused more than five minutes from our clock, either way, and accepted just within', () => {
    const early = new Date(now.getTime() - WEBHOOK_MAX_SKEW_MS - 1000);
    const late = new Date(now.getTime() + WEBHOOK_MAX_SKEW_MS + 1000);
    expect(checkWebhook(SECRET, request({}, { date: early }), now)).toEqual({ ok: false, reason: 'stale' });
    expect(checkWebhook(SECRET, request({}, { date: late }), now)).toEqual({ ok: false, reason: 'stale' });
    expect(checkWebhook(SECRET, request({}, { date: new Date(now.getTime() - WEBHOOK_MAX_SKEW_MS + 1000) }), now)).toEqual({ ok: true });
  });

  it('is refused without its headers', () => {
    expect(checkWebhook(SECRET, request({ authorization: null }), now)).toEqual({ ok: false, reason: 'missing_header' });
    expect(checkWebhook(SECRET, request({ date: null }), now)).toEqual({ ok: false, reason: 'missing_header' });
  });

  it('is read for its reference and event, and anything else is not an event', () => {
    expect(readPaymentEvent(body)).toEqual({ reference: 'kurs-0123456789abcdef01234567', name: 'AUTHORIZED', success: true });
    expect(readPaymentEvent('{"reference":"x","name":"SOMETHING"}')).toBeUndefined();
    expect(readPaymentEvent('not json')).toBeUndefined();
  });
});
