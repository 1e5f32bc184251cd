import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { type AppProcess, onPostgresApp } from './app-process';
import { type FormResult, measureForm } from './form';
import { runLoad } from './load';
import { getPage } from './net';
import { runWrk, wrkBinary } from './wrk';

/**
 * The two paths that are rendered for each visitor, measured as the issue asks: contact-form
 * submissions and searches, each at 50 connections, on PostgreSQL.
 *
 * The app runs on a fresh PostgreSQL database made from BENCH_DATABASE_URL, or, without it, on
 * the local server (postgres://postgres@127.0.0.1:5432), and the database is dropped afterwards.
 * - `form`: the contact form posted as a browser without JavaScript posts it (scripts/bench/
 *   form.ts), each submission a stored inquiry; the rate limit is lifted by the bench's
 *   INQUIRY_RATE_LIMIT. Afterwards `counted` compares the inquiries stored with the day's
 *   `started` count in the statistics, which must be equal: the count is exact under load.
 * - `search`: GET /sok with a query picked at random per request from SEARCH_WORDS, so no
 *   single answer could serve the run. Loaded with wrk when it is installed (2 threads, gzip
 *   asked for as a browser asks), else with the bench's Node client (uncompressed).
 * The goals are in the report, never asserted.
 */
const CONNECTIONS = 50;
const WARMUP_SECONDS = 1.5;
const GOALS = { form_rps_at_least: 150, form_p99_ms_at_most: 500, search_rps_at_least: 400 } as const;

/** What people look for here: single words and short phrases, some with no hit at all. */
const SEARCH_WORDS = [
  'sykdom', 'sorg', 'skole', 'skolen', 'angst', 'rettigheter', 'pårørende', 'demens', 'rus', 'alkohol',
  'psykisk helse', 'kreft', 'barn', 'søvn', 'avlastning', 'taushetsplikt', 'permisjon', 'pleiepenger',
  'omsorgsdager', 'eksamen', 'lånekassen', 'helsesykepleier', 'lederen', 'jobb', 'studier',
  'når noen dør', 'informasjon', 'samtale', 'kommunen', 'tilrettelegging', 'trygt skolemiljø',
  'støtte', 'mamma er syk', 'pappa drikker', 'ensom', 'slitsom hverdag', 'fastlege', 'sykehus',
  'utsatt eksamen', 'stress',
];

const searchPath = (words: string) => `/sok?q=${encodeURIComponent(words).replaceAll('%20', '+')}`;

type Counted = { inquiries: number; started: number; exact: boolean };
type SearchResult =
  | { client: 'wrk' | 'node'; queries: number; rps: number | null; p50_ms: number | null; p99_ms: number | null; errors: number; first_error?: string; non_2xx?: number; socket_errors?: number }
  | { error: string };

type DynamicResult = {
  database: 'postgres';
  connections: number;
  seconds: number;
  form: FormResult & { counted?: Counted | { error: string } };
  search: SearchResult;
  goals: typeof GOALS & { met: { form_rps: boolean | null; form_p99: boolean | null; search_rps: boolean | null } };
};
export type DynamicReport = DynamicResult | { skipped: string } | { error: string };

const progress = (message: string) => process.stderr.write(`bench: dynamic: ${message}\n`);

/** Inquiries stored against the statistics' count of forms started, summed over every row. */
async function countedInquiries(databaseUrl: string): Promise<Counted> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ inquiries: number; started: number }>(
      `select (select count(*)::int from inquiries) as inquiries,
              (select coalesce(sum(started), 0)::int from daily_contacts where channel = 'henvendelse') as started`,
    );
    const { inquiries, started } = rows[0]!;
    return { inquiries, started, exact: inquiries === started };
  } finally {
    await db.end();
  }
}

/** A wrk script that sends each request to one of the search paths, at random. */
function writeSearchScript(): { file: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hjelpelinje-bench-wrk-'));
  const file = path.join(dir, 'search.lua');
  const paths = SEARCH_WORDS.map((w) => `"${searchPath(w)}"`).join(',\n  ');
  fs.writeFileSync(file, `local paths = {\n  ${paths}\n}\nrequest = function()\n  return wrk.format(nil, paths[math.random(#paths)])\nend\n`);
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Waits (up to 20 s) until the app answers a search at once again. Requests a load run leaves
 * behind (the form's last submissions, wrk's warm-up) are still being worked on after the
 * client has gone, and would otherwise be counted against the next run.
 */
async function settle(port: number): Promise<void> {
  const deadline = performance.now() + 20_000;
  while (performance.now() < deadline) {
    const started = performance.now();
    await getPage(port, searchPath('sorg'), 20_000).catch(() => undefined);
    if (performance.now() - started < 250) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measureSearch(port: number, seconds: number): Promise<SearchResult> {
  const pick = () => searchPath(SEARCH_WORDS[Math.floor(Math.random() * SEARCH_WORDS.length)]!);
  const bin = wrkBinary();
  try {
    if (!bin) {
      const r = await runLoad({ port, path: '/sok', pathFor: pick, concurrency: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, seconds });
      return { client: 'node', queries: SEARCH_WORDS.length, ...r };
    }
    const script = writeSearchScript();
    try {
      const headers = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };
      // wrk has no warm-up of its own: a short run first, not counted.
      const options = { port, path: '/sok', connections: CONNECTIONS, headers, script: script.file, timeoutSeconds: 30 };
      await settle(port);
      await runWrk(bin, { ...options, seconds: 2 });
      await settle(port);
      const r = await runWrk(bin, { ...options, seconds });
      return { client: 'wrk', queries: SEARCH_WORDS.length, rps: r.rps, p50_ms: r.p50_ms, p99_ms: r.p99_ms, errors: r.non_2xx + r.socket_errors, non_2xx: r.non_2xx, socket_errors: r.socket_errors };
    } finally {
      script.remove();
    }
  } catch (err) {
    return { error: `search could not be measured (${(err as Error).message})` };
  }
}

async function run(app: AppProcess, seconds: number): Promise<DynamicResult> {
  progress(`the contact form, ${CONNECTIONS} connections…`);
  const form = await measureForm({ port: app.port, concurrency: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, seconds, homeRps: null, requestTimeoutMs: 30_000 });
  const counted = await countedInquiries(app.databaseUrl!).catch((err: Error) => ({ error: err.message }));
  progress(`search, ${CONNECTIONS} connections, ${SEARCH_WORDS.length} queries…`);
  await settle(app.port);
  const search = await measureSearch(app.port, seconds);
  const formRps = 'rps' in form ? form.rps : null;
  const formP99 = 'p99_ms' in form ? form.p99_ms : null;
  const searchRps = 'rps' in search ? search.rps : null;
  return {
    database: 'postgres',
    connections: CONNECTIONS,
    seconds,
    form: { ...form, counted },
    search,
    goals: {
      ...GOALS,
      met: {
        form_rps: formRps === null ? null : formRps >= GOALS.form_rps_at_least,
        form_p99: formP99 === null ? null : formP99 <= GOALS.form_p99_ms_at_most,
        search_rps: searchRps === null ? null : searchRps >= GOALS.search_rps_at_least,
      },
    },
  };
}

/** The dynamic section of the report; a failure is reported in its place, never thrown. */
export async function measureDynamic({ seconds }: { seconds: number }): Promise<DynamicReport> {
  return onPostgresApp((app) => run(app, seconds), progress);
}
