import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { getPage } from './net';
import { multipartBody, postForm, readNoScriptForm, type Submission } from './no-script-form';
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

type Outcome = { ok: true } | { ok: false; reason: string };

const RECEIPT_BYTES = Buffer.from(RECEIPT, 'utf8');

/** One submission, the answer read to the end; only the receipt page is a success. */
async function submitOnce(agent: http.Agent | false, port: number, submission: Submission, timeoutMs: number): Promise<Outcome & { status: number; text?: string }> {
  const answer = await postForm(agent, port, submission, timeoutMs);
  const { status } = answer;
  if ('error' in answer) return { ok: false, status, reason: answer.error };
  if (status < 200 || status >= 300) return { ok: false, status, reason: `HTTP ${status}` };
  if (!answer.body.includes(RECEIPT_BYTES)) return { ok: false, status, reason: `HTTP ${status} without the receipt`, text: answer.body.toString('utf8') };
  return { ok: true, status };
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
