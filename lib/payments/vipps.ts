/**
 * A small typed client for the Vipps MobilePay ePayment API, for the calls the course portal
 * makes: an access token, create a payment, read it, capture, cancel and refund. Vipps says its
 * own npm SDK is not actively maintained and recommends calling the API directly, so we do.
 *
 * What we send about a buyer: the amount, our reference and a short description of what is
 * bought. Never a name, an e-mail address or a phone number: the buyer gives their number to
 * Vipps in the app, and no card or profile data comes back to us.
 *
 * Every call has a time limit and never throws: the answer is the result, or a failure with a
 * short code that is safe to log (`unreachable`, `timeout`, `http_<status>`, `bad_answer`).
 * Every call that changes something carries an Idempotency-Key, so a retry after a lost
 * answer does the work once.
 */

export type VippsConfig = {
  /** https://apitest.vipps.no for the test environment, https://api.vipps.no for production. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  /** The merchant serial number of the sales unit. */
  msn: string;
  timeoutMs?: number;
};

export type VippsFailure = { ok: false; code: string };
type Answer<T> = ({ ok: true } & T) | VippsFailure;

/** Amounts in øre, as the API counts them. */
export type Money = { currency: 'NOK'; value: number };

export type PaymentState = 'CREATED' | 'AUTHORIZED' | 'ABORTED' | 'EXPIRED' | 'TERMINATED';
export type PaymentStatus = {
  state: PaymentState;
  amount: Money;
  aggregate: { authorizedAmount: Money; capturedAmount: Money; cancelledAmount: Money; refundedAmount: Money };
};

const DEFAULT_TIMEOUT_MS = 10_000;
/** A token is renewed this long before Vipps says it runs out. */
const TOKEN_MARGIN_MS = 60_000;
const STATES: readonly string[] = ['CREATED', 'AUTHORIZED', 'ABORTED', 'EXPIRED', 'TERMINATED'];

const nok = (kroner: number): Money => ({ currency: 'NOK', value: Math.round(kroner * 100) });

function isMoney(v: unknown): v is Money {
  return !!v && typeof v === 'object' && (v as Money).currency === 'NOK' && Number.isInteger((v as Money).value);
}

export type VippsClient = ReturnType<typeof vippsClient>;

export function vippsClient(config: VippsConfig, { now = Date.now }: { now?: () => number } = {}) {
  const base = config.baseUrl.replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let token: { value: string; until: number } | undefined;

  async function call(path: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown }): Promise<{ ok: true; status: number; json: unknown } | VippsFailure> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method,
        headers: {
          'Ocp-Apim-Subscription-Key': config.subscriptionKey,
          'Merchant-Serial-Number': config.msn,
          'Vipps-System-Name': 'hjelpelinje',
          'Vipps-System-Version': '1',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      return { ok: false, code: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable' };
    }
    let json: unknown = undefined;
    try {
      const text = await response.text();
      json = text ? JSON.parse(text) : undefined;
    } catch {
      if (response.ok) return { ok: false, code: 'bad_answer' };
    }
    if (!response.ok) return { ok: false, code: `http_${response.status}` };
    return { ok: true, status: response.status, json };
  }

  async function accessToken(): Promise<Answer<{ token: string }>> {
    if (token && token.until > now()) return { ok: true, token: token.value };
    const answer = await call('/accesstoken/get', {
      method: 'POST',
      headers: { client_id: config.clientId, client_secret: config.clientSecret },
    });
    if (!answer.ok) return answer;
    const body = answer.json as { access_token?: unknown; expires_in?: unknown } | undefined;
    const seconds = Number(body?.expires_in);
    if (typeof body?.access_token !== 'string' || !Number.isFinite(seconds)) return { ok: false, code: 'bad_answer' };
    token = { value: body.access_token, until: now() + seconds * 1000 - TOKEN_MARGIN_MS };
    return { ok: true, token: token.value };
  }

  async function authorised(path: string, init: { method: 'GET' | 'POST'; idempotencyKey?: string; body?: unknown }) {
    const t = await accessToken();
    if (!t.ok) return t;
    const headers: Record<string, string> = { Authorization: `Bearer ${t.token}` };
    if (init.idempotencyKey) headers['Idempotency-Key'] = init.idempotencyKey;
    return call(path, { method: init.method, headers, body: init.body });
  }

  const paymentPath = (reference: string) => `/epayment/v1/payments/${encodeURIComponent(reference)}`;

  return {
    /**
     * Starts a payment the buyer approves in the app. The amount is reserved when they do
     * (AUTHORIZED); nothing is charged until `capture`. Returns where to send the buyer.
     */
    async createPayment(p: { reference: string; amountNok: number; description: string; returnUrl: string; idempotencyKey: string }): Promise<Answer<{ redirectUrl: string }>> {
      const answer = await authorised('/epayment/v1/payments', {
        method: 'POST',
        idempotencyKey: p.idempotencyKey,
        body: {
          amount: nok(p.amountNok),
          paymentMethod: { type: 'WALLET' },
          reference: p.reference,
          returnUrl: p.returnUrl,
          userFlow: 'WEB_REDIRECT',
          paymentDescription: p.description.slice(0, 100),
        },
      });
      if (!answer.ok) return answer;
      const url = (answer.json as { redirectUrl?: unknown } | undefined)?.redirectUrl;
      if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return { ok: false, code: 'bad_answer' };
      return { ok: true, redirectUrl: url };
    },

    /** The payment's state and what has been reserved, captured, cancelled and refunded. */
    async getPayment(reference: string): Promise<Answer<PaymentStatus>> {
      const answer = await authorised(paymentPath(reference), { method: 'GET' });
      if (!answer.ok) return answer;
      const body = answer.json as Partial<PaymentStatus> | undefined;
      const agg = body?.aggregate;
      if (
        !body ||
        typeof body.state !== 'string' ||
        !STATES.includes(body.state) ||
        !isMoney(body.amount) ||
        !agg ||
        ![agg.authorizedAmount, agg.capturedAmount, agg.cancelledAmount, agg.refundedAmount].every(isMoney)
      )
        return { ok: false, code: 'bad_answer' };
      return { ok: true, state: body.state, amount: body.amount, aggregate: agg };
    },

    /** Charges a reserved amount (the course has started). */
    async capture(p: { reference: string; amountNok: number; idempotencyKey: string }): Promise<Answer<object>> {
      const answer = await authorised(`${paymentPath(p.reference)}/capture`, { method: 'POST', idempotencyKey: p.idempotencyKey, body: { modificationAmount: nok(p.amountNok) } });
      return answer.ok ? { ok: true } : answer;
    },

    /** Releases a reservation that was not captured: the buyer is charged nothing. */
    async cancel(p: { reference: string; idempotencyKey: string }): Promise<Answer<object>> {
      const answer = await authorised(`${paymentPath(p.reference)}/cancel`, { method: 'POST', idempotencyKey: p.idempotencyKey });
      return answer.ok ? { ok: true } : answer;
    },

    /** Pays back a captured amount. */
    async refund(p: { reference: string; amountNok: number; idempotencyKey: string }): Promise<Answer<object>> {
      const answer = await authorised(`${paymentPath(p.reference)}/refund`, { method: 'POST', idempotencyKey: p.idempotencyKey, body: { modificationAmount: nok(p.amountNok) } });
      return answer.ok ? { ok: true } : answer;
    },
  };
}
