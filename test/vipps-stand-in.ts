import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signedWebhookHeaders } from '../lib/payments/vipps-webhook';

/**
 * A local stand-in for the Vipps MobilePay ePayment API, for tests only: this machine reaches
 * no payment provider. It answers the calls our client makes, as Vipps documents them (an
 * access token, create, get, capture, cancel, refund, each change with an Idempotency-Key), and
 * sends webhooks signed the way Vipps signs them. It also plays the buyer's side: the
 * redirectUrl opens a plain page where a button approves or aborts the payment, after which
 * the buyer is sent back to our returnUrl. It is never part of the app or its build.
 *
 * Tests steer it: make the next calls fail, hold back or repeat webhooks, and read every
 * request it received (to check what we told Vipps about the buyer).
 */
const STAND_IN_CREDENTIALS = {
  VIPPS_CLIENT_ID: 'stand-in-client',
  VIPPS_CLIENT_SECRET: 'stand-in-secret',
  VIPPS_SUBSCRIPTION_KEY: 'stand-in-subscription',
  VIPPS_MSN: '123456',
  VIPPS_WEBHOOK_SECRET: 'stand-in-webhook-secret-0123456789',
};

type Money = { currency: 'NOK'; value: number };
type Payment = {
  reference: string;
  state: 'CREATED' | 'AUTHORIZED' | 'ABORTED' | 'EXPIRED' | 'TERMINATED';
  amount: Money;
  returnUrl: string;
  authorized: number;
  captured: number;
  cancelled: number;
  refunded: number;
};
type ReceivedCall = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };
type Delivery = { event: string; reference: string; status: number | 'failed' };
/** What happens to the webhook when the buyer approves: sent once, twice, or held back. */
type WebhookMode = 'once' | 'twice' | 'hold';

export type VippsStandIn = {
  url: string;
  env: Record<string, string>;
  /** Where webhooks go: the app's /api/vipps/webhook, known once the app runs. */
  setWebhookUrl: (url: string) => void;
  /** The next `count` API calls (not token calls) answer this status. */
  failNext: (count: number, status: number) => void;
  setWebhookMode: (mode: WebhookMode) => void;
  /** Approves or aborts a payment as the buyer would in the app (and sends the webhook). */
  approve: (reference: string) => Promise<void>;
  abort: (reference: string) => Promise<void>;
  /** Sends the webhook for an event again, as Vipps does when it is unsure it arrived. */
  resend: (reference: string, event: string) => Promise<number | 'failed'>;
  /** Posts a body with headers of the caller's choosing to the webhook address. */
  post: (body: string, headers: Record<string, string>) => Promise<number | 'failed'>;
  payment: (reference: string) => Payment | undefined;
  calls: () => ReceivedCall[];
  deliveries: () => Delivery[];
  close: () => Promise<void>;
};

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const problem = (res: http.ServerResponse, status: number, title: string) =>
  json(res, status, { type: 'https://developer.vippsmobilepay.com/docs/APIs/epayment-api/problems', title, status });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startVippsStandIn(): Promise<VippsStandIn> {
  const payments = new Map<string, Payment>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const tokens = new Set<string>();
  const received: ReceivedCall[] = [];
  const delivered: Delivery[] = [];
  let webhookUrl: string | undefined;
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let webhookMode: WebhookMode = 'once';
  let base = '';

  const post = async (body: string, headers: Record<string, string>): Promise<number | 'failed'> => {
    if (!webhookUrl) return 'failed';
    try {
      const answer = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(10_000) });
      await answer.arrayBuffer();
      return answer.status;
    } catch {
      return 'failed';
    }
  };

  const sendWebhook = async (payment: Payment, event: string): Promise<number | 'failed'> => {
    if (!webhookUrl) return 'failed';
    const body = JSON.stringify({
      msn: STAND_IN_CREDENTIALS.VIPPS_MSN,
      reference: payment.reference,
      pspReference: `psp-${payment.reference}`,
      name: event,
      amount: payment.amount,
      timestamp: new Date().toISOString(),
      idempotencyKey: null,
      success: true,
    });
    const headers = signedWebhookHeaders(STAND_IN_CREDENTIALS.VIPPS_WEBHOOK_SECRET, { url: new URL(webhookUrl), body, date: new Date() });
    const status = await post(body, headers);
    delivered.push({ event, reference: payment.reference, status });
    return status;
  };

  const afterBuyer = async (payment: Payment, event: string) => {
    if (webhookMode === 'hold') return;
    await sendWebhook(payment, event);
    if (webhookMode === 'twice') await sendWebhook(payment, event);
  };

  const approve = async (reference: string) => {
    const p = payments.get(reference);
    if (!p || p.state !== 'CREATED') return;
    p.state = 'AUTHORIZED';
    p.authorized = p.amount.value;
    await afterBuyer(p, 'AUTHORIZED');
  };
  const abort = async (reference: string) => {
    const p = payments.get(reference);
    if (!p || p.state !== 'CREATED') return;
    p.state = 'ABORTED';
    await afterBuyer(p, 'ABORTED');
  };

  const view = (p: Payment) => ({
    reference: p.reference,
    state: p.state,
    amount: p.amount,
    aggregate: {
      authorizedAmount: { currency: 'NOK', value: p.authorized },
      capturedAmount: { currency: 'NOK', value: p.captured },
      cancelledAmount: { currency: 'NOK', value: p.cancelled },
      refundedAmount: { currency: 'NOK', value: p.refunded },
    },
    pspReference: `psp-${p.reference}`,
  });

  async function api(req: http.IncomingMessage, res: http.ServerResponse, body: string, path: string) {
    const headers = req.headers;
    if (headers['ocp-apim-subscription-key'] !== STAND_IN_CREDENTIALS.VIPPS_SUBSCRIPTION_KEY || headers['merchant-serial-number'] !== STAND_IN_CREDENTIALS.VIPPS_MSN) {
      return problem(res, 401, 'Unknown subscription key or merchant serial number');
    }
    if (path === '/accesstoken/get' && req.method === 'POST') {
      if (headers.client_id !== STAND_IN_CREDENTIALS.VIPPS_CLIENT_ID || headers.client_secret !== STAND_IN_CREDENTIALS.VIPPS_CLIENT_SECRET) return problem(res, 401, 'Bad client credentials');
      const token = randomBytes(24).toString('base64url');
      tokens.add(token);
      return json(res, 200, { token_type: 'Bearer', expires_in: '3600', ext_expires_in: '3600', access_token: token });
    }
    const bearer = /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1];
    if (!bearer || !tokens.has(bearer)) return problem(res, 401, 'Missing or unknown access token');
    if (failures.count > 0) {
      failures.count--;
      return problem(res, failures.status, 'The stand-in was told to fail this call');
    }
    const key = typeof headers['idempotency-key'] === 'string' ? headers['idempotency-key'] : undefined;
    if (req.method === 'POST') {
      if (!key) return problem(res, 400, 'Idempotency-Key is required');
      const earlier = idempotent.get(`${path}|${key}`);
      if (earlier) return json(res, earlier.status, earlier.body);
    }
    const remember = (status: number, answer: unknown) => {
      if (key && req.method === 'POST') idempotent.set(`${path}|${key}`, { status, body: answer });
      json(res, status, answer);
    };
    let input: Record<string, unknown> = {};
    try {
      input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      return problem(res, 400, 'The body is not JSON');
    }

    if (path === '/epayment/v1/payments' && req.method === 'POST') {
      const amount = input.amount as Money | undefined;
      const reference = input.reference;
      if (typeof reference !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(reference)) return problem(res, 400, 'Bad reference');
      if (!amount || amount.currency !== 'NOK' || !Number.isInteger(amount.value) || amount.value < 100) return problem(res, 400, 'Bad amount');
      if (typeof input.returnUrl !== 'string' || input.userFlow !== 'WEB_REDIRECT') return problem(res, 400, 'Bad returnUrl or userFlow');
      if (payments.has(reference)) return problem(res, 409, 'The reference is used');
      payments.set(reference, { reference, state: 'CREATED', amount, returnUrl: input.returnUrl, authorized: 0, captured: 0, cancelled: 0, refunded: 0 });
      return remember(201, { redirectUrl: `${base}/betal/${reference}`, reference });
    }
    const m = /^\/epayment\/v1\/payments\/([A-Za-z0-9-]+)(?:\/(capture|cancel|refund))?$/.exec(path);
    const payment = m ? payments.get(m[1]!) : undefined;
    if (!m || !payment) return problem(res, 404, 'No such payment');
    const action = m[2];
    if (!action && req.method === 'GET') return json(res, 200, view(payment));
    const value = (input.modificationAmount as Money | undefined)?.value;
    if (action === 'capture') {
      if (payment.state !== 'AUTHORIZED' || typeof value !== 'number' || value > payment.authorized - payment.captured - payment.cancelled) return problem(res, 400, 'Cannot capture');
      payment.captured += value;
      remember(200, view(payment));
      void sendWebhook(payment, 'CAPTURED');
      return;
    }
    if (action === 'cancel') {
      if (payment.captured > 0) return problem(res, 400, 'Cannot cancel a captured payment');
      if (payment.state === 'AUTHORIZED') payment.cancelled = payment.authorized;
      if (payment.state === 'CREATED' || payment.state === 'AUTHORIZED') payment.state = 'TERMINATED';
      remember(200, view(payment));
      void sendWebhook(payment, 'CANCELLED');
      return;
    }
    if (action === 'refund') {
      if (typeof value !== 'number' || value > payment.captured - payment.refunded) return problem(res, 400, 'Cannot refund');
      payment.refunded += value;
      remember(200, view(payment));
      void sendWebhook(payment, 'REFUNDED');
      return;
    }
    return problem(res, 405, 'Not a call the stand-in knows');
  }

  /** The buyer's side: what Vipps's landing page and app would do. */
  async function buyer(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    const m = /^\/betal\/([A-Za-z0-9-]+)(?:\/(godkjenn|avbryt))?$/.exec(path);
    const payment = m ? payments.get(m[1]!) : undefined;
    if (!m || !payment) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Ukjent betaling');
    }
    if (req.method === 'POST' && m[2]) {
      if (m[2] === 'godkjenn') await approve(payment.reference);
      else await abort(payment.reference);
      res.writeHead(303, { location: payment.returnUrl });
      return res.end();
    }
    const kroner = (payment.amount.value / 100).toFixed(0);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Lokal stand-in for Vipps</title></head><body><main>` +
        `<h1>Lokal stand-in for Vipps</h1><p>Betal ${escapeHtml(kroner)} kr</p>` +
        `<form method="post" action="/betal/${escapeHtml(payment.reference)}/godkjenn"><button>Godkjenn betalingen</button></form>` +
        `<form method="post" action="/betal/${escapeHtml(payment.reference)}/avbryt"><button>Avbryt betalingen</button></form>` +
        `</main></body></html>`,
    );
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      if (path.startsWith('/betal/')) return void buyer(req, res, path);
      received.push({ method: req.method ?? '', path, headers: req.headers, body });
      void api(req, res, body, path).catch(() => problem(res, 500, 'The stand-in failed'));
    });
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    env: { ...STAND_IN_CREDENTIALS, VIPPS_BASE_URL: base },
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    failNext: (count, status) => {
      failures = { count, status };
    },
    setWebhookMode: (mode) => {
      webhookMode = mode;
    },
    approve,
    abort,
    resend: async (reference, event) => {
      const p = payments.get(reference);
      return p ? sendWebhook(p, event) : 'failed';
    },
    post,
    payment: (reference) => payments.get(reference),
    calls: () => [...received],
    deliveries: () => [...delivered],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
