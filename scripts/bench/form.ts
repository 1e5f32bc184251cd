import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { getPage, HOST } from './net';
import { percentile, ratio, round } from './stats';

/**
 * Contact-form submissions per second, the way a browser without JavaScript sends them: the
 * bench reads the form on GET /kontakt once (its hidden server-action fields: `$ACTION_REF_…`,
 * `$ACTION_…:n` and `$ACTION_KEY`), then a closed loop POSTs that form, filled in, as
 * multipart/form-data with `Origin: null` and `Sec-Fetch-Site: same-origin`, as a browser does
 * under our no-referrer policy. Each submission stores a real inquiry (sealed), so this is the
 * whole path: request guards, Next's action decoding, validation, the rate limiter (which the
 * bench lifts out of the way with INQUIRY_RATE_LIMIT), the database write and the receipt page.
 *
 * A response counts only when it is the receipt ("Takk, vi har fått henvendelsen din"); an
 * error page, a form sent back with errors or a refusal is an error. A bare-server comparison
 * would say nothing here (a POST that stores nothing is not the same work), so the result is
 * related to the app's own home page in the same run instead.
 */
const FORM_PATH = '/kontakt';
const RECEIPT = 'Takk, vi har fått henvendelsen din';

export type FormResult =
  | {
      path: string;
      method: 'POST';
      rps: number | null;
      p50_ms: number | null;
      p99_ms: number | null;
      errors: number;
      first_error?: string;
      /** Form submissions per second over GET / per second, both on the app, in this run. */
      ratio_to_home_page_rps: number | null;
    }
  | { path: string; error: string };

export type FormOptions = { port: number; concurrency: number; warmupSeconds: number; seconds: number; homeRps: number | null; requestTimeoutMs?: number };

/** What a person fills in; `nettside` is the honeypot, which a person leaves empty. */
const FILLED: [string, string][] = [
  ['name', 'Kari'],
  ['email', 'kari@example.org'],
  ['phone', ''],
  ['contactBy', 'epost'],
  ['relation', 'forelder'],
  ['audience', 'pa-skolen'],
  ['message', 'Hei. Sønnen min har det vanskelig på skolen, og jeg lurer på hva jeg kan gjøre. Kan dere ringe meg i morgen?'],
  ['nettside', ''],
];

const BOUNDARY = '----hjelpelinjeBenchFormBoundary7MA4YWxkTrZu0gW';

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (whole, code: string) => {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
    const lower = code.toLowerCase();
    if (lower in named) return named[lower]!;
    const n = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (name === 'input' || name === 'form') continue;
    attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

type NoScriptForm = { action: string; hidden: [string, string][] };

/**
 * The contact form as a browser without JavaScript would send it: where it posts, and its
 * hidden inputs in document order. Throws when the page has no form with server-action fields.
 */
function readNoScriptForm(html: string, pagePath: string): NoScriptForm {
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const form = attributes(m[1] ?? '');
    const hidden: [string, string][] = [];
    for (const input of (m[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
      const a = attributes(input[0]);
      if (a.get('type')?.toLowerCase() === 'hidden' && a.has('name')) hidden.push([a.get('name')!, a.get('value') ?? '']);
    }
    if (!hidden.some(([name]) => name.startsWith('$ACTION_'))) continue;
    if ((form.get('method') ?? 'get').toLowerCase() !== 'post') throw new Error('the form does not post');
    const action = form.get('action') || pagePath;
    if (!action.startsWith('/')) throw new Error(`the form posts to ${action}, not to this site`);
    return { action, hidden };
  }
  throw new Error(`no form on ${pagePath} carries server-action fields`);
}

/** A multipart/form-data body, the way a browser encodes text fields. */
function multipartBody(fields: [string, string][]): Buffer {
  const escapeName = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const parts = fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`);
  return Buffer.from(`${parts.join('')}--${BOUNDARY}--\r\n`, 'utf8');
}

type Outcome = { ok: true } | { ok: false; reason: string };
type Submission = { path: string; body: Buffer };

const RECEIPT_BYTES = Buffer.from(RECEIPT, 'utf8');

function headersFor(body: Buffer): http.OutgoingHttpHeaders {
  return {
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    'content-length': body.length,
    // A form posted without JavaScript under `Referrer-Policy: no-referrer`.
    origin: 'null',
    'sec-fetch-site': 'same-origin',
    'sec-fetch-mode': 'navigate',
    'sec-fetch-dest': 'document',
    accept: 'text/html',
    'accept-encoding': 'identity',
  };
}

/** One submission, the answer read to the end; only the receipt page is a success. */
function submitOnce(agent: http.Agent | false, port: number, submission: Submission, timeoutMs: number): Promise<Outcome & { status: number; text?: string }> {
  return new Promise((resolve) => {
    const req = http.request({ host: HOST, port, path: submission.path, method: 'POST', agent, headers: headersFor(submission.body) }, (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err) => resolve({ ok: false, status, reason: err.message }));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (status < 200 || status >= 300) resolve({ ok: false, status, reason: `HTTP ${status}` });
        else if (!body.includes(RECEIPT_BYTES)) resolve({ ok: false, status, reason: `HTTP ${status} without the receipt`, text: body.toString('utf8') });
        else resolve({ ok: true, status });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ ok: false, status: 0, reason: err.code ?? err.message }));
    req.end(submission.body);
  });
}

/** Reads the form, and checks once that a submission of it gets the receipt. */
async function prepareSubmission(port: number): Promise<Submission> {
  const page = await getPage(port, FORM_PATH);
  if (page.status !== 200) throw new Error(`GET ${FORM_PATH} answered ${page.status}`);
  const form = readNoScriptForm(page.body.toString('utf8'), FORM_PATH);
  const submission = { path: form.action, body: multipartBody([...form.hidden, ...FILLED]) };
  const first = await submitOnce(false, port, submission, 10_000);
  if (!first.ok) {
    const limited = first.text?.includes('flere henvendelser på kort tid') ? ' (rate-limited: is INQUIRY_RATE_LIMIT set for the app?)' : '';
    throw new Error(`a test submission did not get the receipt: ${first.reason}${limited}`);
  }
  return submission;
}

/** The same closed loop as load.ts, with POSTs: only submissions that finish in the window count. */
async function runFormLoad(options: Required<FormOptions>, submission: Submission) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const start = performance.now() + options.warmupSeconds * 1000;
  const end = start + options.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const worker = async () => {
    while (performance.now() < end) {
      const startedAt = performance.now();
      const outcome = await submitOnce(agent, options.port, submission, options.requestTimeoutMs);
      const finishedAt = performance.now();
      if (finishedAt < start || finishedAt > end) continue;
      if (outcome.ok) latencies.push(finishedAt - startedAt);
      else {
        errors += 1;
        firstError ??= outcome.reason;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  return { latencies, errors, firstError };
}

export async function measureForm(options: FormOptions): Promise<FormResult> {
  const full: Required<FormOptions> = { requestTimeoutMs: 10_000, ...options };
  let submission: Submission;
  try {
    submission = await prepareSubmission(full.port);
  } catch (err) {
    return { path: FORM_PATH, error: (err as Error).message };
  }
  const { latencies, errors, firstError } = await runFormLoad(full, submission);
  const rps = round(latencies.length / full.seconds, 1);
  const result: FormResult = {
    path: FORM_PATH,
    method: 'POST',
    rps,
    p50_ms: round(percentile(latencies, 50), 2),
    p99_ms: round(percentile(latencies, 99), 2),
    errors,
    ratio_to_home_page_rps: round(ratio(rps, full.homeRps), 3),
  };
  if (firstError) result.first_error = firstError;
  return result;
}
