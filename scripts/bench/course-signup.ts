import http from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { type AppProcess, onPostgresApp } from './app-process';
import { checkSignups, receiptOf, type ReceiptKind, type SignupCheck } from './course-signup-check';
import { type Errors, kindsOf, newErrors, noteError } from './errors';
import { measureForm } from './form';
import { getPage } from './net';
import { multipartBody, postForm, readNoScriptForm, type Submission } from './no-script-form';
import { percentile, ratio, round } from './stats';

/**
 * Course sign-ups under a rush (issue 13): `clients` people (default 50) at once, each in a
 * closed loop, sign up for one date until `signups` (default 2,000) have been sent, on a date
 * with far fewer seats (`capacity`, default 200), so most of them land on the waiting list.
 *
 * The app runs on a fresh PostgreSQL database made from BENCH_DATABASE_URL, or, without it, on
 * the local server (postgres://postgres@127.0.0.1:5432), migrated and seeded as `npm start`
 * does it, and the database is dropped afterwards. The bench adds the course and its date with
 * plain SQL: published, with one required question of its own, and either invoiced (`payment`
 * 'invoice', the default: a price and no Vipps, so each seat is confirmed on an invoice and
 * writes an order) or free. The form is read once from the sign-up page and posted as a browser
 * without JavaScript posts it (scripts/bench/no-script-form.ts); an answer counts only when it
 * is the receipt, of a seat or of a place in the queue.
 *
 * The report: sign-ups per second and p50/p99 latency, errors, and what the database holds
 * afterwards, checked against the receipts (course-signup-check.ts: `overbooked` and
 * `passed`). For a ratio that compares across machines, the contact form is then driven by as
 * many clients on the same instance; the speed goals are in the report, never asserted.
 */
export const COURSE_DEFAULTS = { signups: 2000, capacity: 200, clients: 50, payment: 'invoice' } as const;
const GOALS = { p99_ms_at_most: 2000, signups_over_contact_form_at_least: 0.5 } as const;
const MAX_SECONDS = 300;
const REQUEST_TIMEOUT_MS = 30_000;
const SLUG = 'benk-pamelding';
/** An invoiced course's price; the price is all that makes a course paid (without Vipps, by invoice). */
const PRICE_NOK = 450;
const QUESTION = { id: 'alder', label: 'Hvor gammelt er barnet?', required: true, multiline: false };

export type CourseOptions = { signups: number; capacity: number; clients: number; payment: 'free' | 'invoice' };

type CourseResult = {
  database: 'postgres';
  clients: number;
  capacity: number;
  payment: 'free' | 'invoice';
  sent: number;
  seconds: number | null;
  signups_per_s: number | null;
  p50_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  receipts: Record<ReceiptKind, number>;
  errors: number;
  error_kinds?: Record<string, number>;
  stopped_after_max_seconds?: true;
  after: { seats_taken: number; confirmed: number; waiting: number; other: number; orders: number | null };
  check: SignupCheck;
  contact_form_per_s: number | null;
  signups_over_contact_form: number | null;
  goals: typeof GOALS & { met: { p99: boolean | null; ratio: boolean | null } };
};
export type CourseReport = CourseResult | { skipped: string } | { error: string };

const progress = (message: string) => process.stderr.write(`bench: courses: ${message}\n`);

/** A published course with one date, `capacity` seats, five weeks ahead; returns the date's id. */
async function addCourse(db: pg.Client, { capacity, payment }: CourseOptions): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `with course as (
       insert into courses (slug, title, summary, description, price_nok, questions, status, created_at, updated_at)
       values ($1, 'Benk: foreldrekurs', 'Et kurs benken melder folk på.', 'Laget av npm run bench.', $2, $3::jsonb, 'published', now(), now())
       returning id)
     insert into course_sessions (course_id, starts_at, ends_at, place, capacity, signup_deadline, cancel_deadline)
     select id, now() + interval '35 days', now() + interval '35 days 2 hours', 'Oslo', $4, now() + interval '34 days', now() + interval '33 days'
     from course returning id`,
    [SLUG, payment === 'invoice' ? PRICE_NOK : 0, JSON.stringify([QUESTION]), capacity],
  );
  return rows[0]!.id;
}

/** The date's bookings by status, and its orders, as they are after the run. */
async function readAfter(db: pg.Client, sessionId: string, invoiced: boolean): Promise<CourseResult['after']> {
  const { rows } = await db.query<{ status: string; n: number; seats: number }>(
    `select status, count(*)::int as n,
            count(*) filter (where status = 'confirmed' or (status in ('held', 'offered') and hold_until > now()))::int as seats
     from course_bookings where session_id = $1 group by status`,
    [sessionId],
  );
  const n = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  const orders = await db.query<{ n: number }>('select count(*)::int as n from course_orders o join course_bookings b on b.id = o.booking_id where b.session_id = $1', [sessionId]);
  const all = rows.reduce((sum, r) => sum + r.n, 0);
  return {
    seats_taken: rows.reduce((sum, r) => sum + r.seats, 0),
    confirmed: n('confirmed'),
    waiting: n('waiting'),
    other: all - n('confirmed') - n('waiting'),
    orders: invoiced ? orders.rows[0]!.n : null,
  };
}

type Outcome = { receipt: ReceiptKind } | { error: string };

/** One sign-up; the answer is a receipt or, for the report, a short kind of error. */
async function signUpOnce(agent: http.Agent | false, port: number, submission: Submission): Promise<Outcome> {
  const answer = await postForm(agent, port, submission, REQUEST_TIMEOUT_MS);
  if ('error' in answer) return { error: answer.error };
  const html = answer.body.toString('utf8');
  const receipt = answer.status === 200 ? receiptOf(html) : null;
  if (receipt) return { receipt };
  if (html.includes('Du har meldt på mange på kort tid')) return { error: 'rate-limited (is COURSE_SIGNUP_RATE_LIMIT set for the app?)' };
  if (html.includes('Vi kunne ikke ta imot påmeldingen')) return { error: `HTTP ${answer.status}, unavailable` };
  return { error: `HTTP ${answer.status} without a receipt` };
}

/** Reads the sign-up form, and checks once that posting it gets a seat (that booking counts too). */
/**
 * Each sign-up is a person of their own (the n-th Kari, with an address of her own): the form's
 * random key makes the same person sent twice one booking, which is not what a rush is.
 */
type Submissions = (n: number) => Submission;

async function prepare(port: number, sessionId: string, filled: [string, string][]): Promise<Submissions> {
  const path = `/kurs/${SLUG}/pamelding/${sessionId}`;
  const page = await getPage(port, path);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
  const form = readNoScriptForm(page.body.toString('utf8'), path);
  const make: Submissions = (n) => ({
    path: form.action,
    body: multipartBody([...form.hidden, ...filled.map(([k, v]): [string, string] => [k, k === 'email' ? v.replace('@', `+${n}@`) : v])]),
  });
  const first = await signUpOnce(false, port, make(0));
  if (!('receipt' in first) || first.receipt !== 'confirmed') throw new Error(`a test sign-up got no seat: ${'error' in first ? first.error : first.receipt}`);
  return make;
}

/** The rush: `clients` closed loops until `total` sign-ups are sent (or MAX_SECONDS pass). */
async function rush(port: number, submissions: Submissions, clients: number, total: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const receipts: Record<ReceiptKind, number> = { confirmed: 0, waiting: 0 };
  const latencies: number[] = [];
  const errors: Errors = newErrors();
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  let sent = 0;
  const client = async () => {
    while (sent < total && performance.now() < deadline) {
      sent++;
      const t0 = performance.now();
      const outcome = await signUpOnce(agent, port, submissions(sent));
      if ('error' in outcome) noteError(errors, outcome.error);
      else {
        latencies.push(performance.now() - t0);
        receipts[outcome.receipt]++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: clients }, client));
  } finally {
    agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  return { sent, seconds: (performance.now() - started) / 1000, receipts, latencies, errors, stopped: sent < total };
}

async function run(app: AppProcess, options: CourseOptions): Promise<CourseResult> {
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const sessionId = await addCourse(db, options);
    const filled: [string, string][] = [
      ['name', 'Kari Nordmann'],
      ['email', 'kari@example.org'],
      ['phone', '912 34 567'],
      [`svar-${QUESTION.id}`, '9 år'],
      ['terms', 'ja'],
      ['nettside', ''],
    ];
    const submission = await prepare(app.port, sessionId, filled);
    progress(`${options.clients} clients send ${options.signups} sign-ups for ${options.capacity} seats…`);
    const r = await rush(app.port, submission, options.clients, options.signups);
    // The test sign-up in prepare() is a booking with a receipt of its own.
    const receipts = { ...r.receipts, confirmed: r.receipts.confirmed + 1 };
    const after = await readAfter(db, sessionId, options.payment === 'invoice');
    const check = checkSignups({
      capacity: options.capacity,
      receipts,
      rows: { seatsTaken: after.seats_taken, confirmed: after.confirmed, waiting: after.waiting, other: after.other },
      orders: after.orders,
    });
    progress(`overbooked: ${check.overbooked}${check.failed.length ? `; ${check.failed.join('; ')}` : ''}`);
    progress(`the contact form, ${options.clients} clients, for comparison…`);
    const form = await measureForm({ port: app.port, concurrency: options.clients, warmupSeconds: 1.5, seconds: 5, homeRps: null, requestTimeoutMs: REQUEST_TIMEOUT_MS });
    const contactRps = 'rps' in form ? form.rps : null;
    const signupsPerS = round((r.receipts.confirmed + r.receipts.waiting) / r.seconds, 1);
    const p99 = round(percentile(r.latencies, 99), 1);
    const overContact = round(ratio(signupsPerS, contactRps), 3);
    return {
      database: 'postgres',
      clients: options.clients,
      capacity: options.capacity,
      payment: options.payment,
      sent: r.sent + 1,
      seconds: round(r.seconds, 2),
      signups_per_s: signupsPerS,
      p50_ms: round(percentile(r.latencies, 50), 1),
      p99_ms: p99,
      max_ms: round(r.latencies.at(-1) ?? null, 1),
      receipts,
      errors: r.errors.count,
      ...(r.errors.count ? { error_kinds: kindsOf(r.errors) } : {}),
      ...(r.stopped ? { stopped_after_max_seconds: true as const } : {}),
      after,
      check,
      contact_form_per_s: contactRps,
      signups_over_contact_form: overContact,
      goals: {
        ...GOALS,
        met: { p99: p99 === null ? null : p99 <= GOALS.p99_ms_at_most, ratio: overContact === null ? null : overContact >= GOALS.signups_over_contact_form_at_least },
      },
    };
  } finally {
    await db.end();
  }
}

/** The courses section of the report; a failure is reported in its place, never thrown. */
export async function measureCourseSignup(options: CourseOptions): Promise<CourseReport> {
  return onPostgresApp((app) => run(app, options), progress);
}
