/**
 * `npm run bench`: how much the app costs per page, against the cheapest possible server.
 *
 * The app (`npm start`: a build when needed, migrations, seed) runs in a child process on a
 * fresh data folder (or BENCH_DATABASE_URL). For each page below the bench fetches the app's
 * HTML once, then serves exactly those bytes from a bare `node:http` server in this process.
 * A closed-loop load generator (keep-alive, BENCH_CONCURRENCY workers, default 16) drives
 * each server for a warm-up and then a measured window of BENCH_SECONDS (default 5), and
 * reports requests per second and p50/p99 latency. Both sides get `accept-encoding: identity`,
 * so they send the same bytes and the difference is the app's own work per request.
 *
 * Absolute numbers depend on the machine, its load and the Node version, so they do not
 * compare across runs or machines. The app/bare ratios do: both sides are measured on the same
 * machine in the same run, by the same client, so what the machine adds cancels out.
 *
 * The paths, each labelled with a `kind`: the home page and the privacy page (`page`), an article
 * (`article`), a children's topic page (`children`) and a search (`search`; dynamic, so never
 * from the page cache). A path that does not answer 200 is reported as `{ path, kind, status,
 * error }` and the bench goes on with the next one.
 *
 * Each measured path also gets `bytes`, what a first visit transfers (scripts/bench/bytes.ts):
 * - `html`: `served` is the encoding the app chose for `accept-encoding: gzip, deflate, br`
 *   and the body's bytes as sent; `raw` the decoded bytes; `gzip` (zlib level 6) and `brotli`
 *   (quality 11) are computed in the bench process, so pages compare whatever the server does.
 * - `js`: every same-origin `<script src>` in that HTML (once each; not `nomodule`, not another
 *   origin), each fetched from the app the same way: `files`, `served` (bytes as sent, summed,
 *   and files per encoding), `raw`, `gzip`, `brotli`; `skipped` counts what was left out.
 * - `total`: HTML and JavaScript together.
 * The bare baseline is `bare`, as before: the same HTML bytes from `node:http`, uncompressed,
 * with no scripts behind it, so `ratio` is the app's cost per request for that exact page.
 * With nginx and wrk installed, `wrk` compares the app with nginx serving those same bytes as a
 * static file (one worker, keep-alive, no access log, a precompressed gzip copy;
 * scripts/bench/nginx-server.ts), the yardstick issue 15 sets targets against, both loaded with
 * wrk (2 threads, 50 connections, gzip asked for; scripts/bench/wrk.ts): `wrk.rps_app_over_nginx`.
 * The bench's own load generator runs in Node and is itself the bottleneck against a server as
 * fast as nginx, so that comparison is made with wrk only. `wrk.through_recipe` loads the same
 * page through the reverse-proxy recipe (deploy/nginx/, its short cache and its count lines to
 * the app on, in front of an app of its own started as the recipe says; scripts/bench/nginx-recipe.ts)
 * as browsers arriving from a bookmark: `wrk.rps_recipe_over_nginx`.
 *
 * Two more sections, in the same report:
 * - `form`: contact-form submissions per second (POST /kontakt as a browser without JavaScript
 *   sends it; each one stores an inquiry) with p50/p99, and its ratio to the app's own `/`
 *   requests per second in this run (scripts/bench/form.ts).
 * - `counting`: what counting page views and visits costs: `/` and an article opened as from
 *   another site (each request a page view and a visit) on two fresh instances, one with
 *   VISIT_COUNTING=off, in turns, with requests per second for each and their ratio
 *   (scripts/bench/counting.ts; target 0.95 or more).
 * - `purge`: rows per second the purge deletes, 100,000 due inquiries on a fresh PostgreSQL
 *   database made from BENCH_DATABASE_URL (treated as an admin URL; skipped without it) and
 *   10,000 on a fresh PGlite folder (scripts/bench/purge.ts).
 * - `chat`: BENCH_CHATS (default 500) visitor chats held open at once on instance A (each an
 *   event stream), taken by a chat host signed in on instance B; then host messages
 *   (BENCH_CHAT_MESSAGES, default 1000, at BENCH_CHAT_RATE a second, default 50) posted on B to
 *   random chats: delivery latency p50/p99/max until the visitor's stream on A has the message,
 *   how long B took to answer, lost and duplicated messages (both must be 0), and A's memory
 *   (RSS and used heap, each read after a full garbage collection) before and with the chats,
 *   and per chat. Two fresh instances on a fresh PostgreSQL database from BENCH_DATABASE_URL;
 *   skipped without it (scripts/bench/chat.ts).
 *
 * - `flood`: one instance held at its stream limit and flooded (scripts/bench/flood.ts): how many
 *   of 50 streams one chat cookie gets, the streams the instance holds at SSE_MAX_STREAMS
 *   (BENCH_FLOOD_STREAMS, default 1,000, across BENCH_FLOOD_CHATS chats, default 300) and their
 *   memory, the database statements one message and one queue change cost with all of them open
 *   (counted on the wire), and the answer time of another visitor's message, quiet and during a
 *   flood (p50/p99, and their ratio), each window BENCH_FLOOD_SECONDS long (default 15), the flood
 *   sending BENCH_FLOOD_RATE visitor messages a second (default 50) beside an attacker. Needs
 *   BENCH_DATABASE_URL; skipped without it.
 *
 * - `courses`: course sign-ups in a rush (scripts/bench/course-signup.ts): BENCH_COURSE_CLIENTS
 *   clients at once (default 50) send BENCH_COURSE_SIGNUPS sign-ups (default 2,000) for one date
 *   of BENCH_COURSE_CAPACITY seats (default 200), as a browser without JavaScript sends the
 *   form, on an invoiced course (BENCH_COURSE_PAYMENT=free for a free one): sign-ups per second,
 *   p50/p99, errors, and a check of the database afterwards (`overbooked`: more seats went out
 *   than the date has; `passed`: every receipt is one booking, the first ones seats and the rest
 *   the queue, one order per seat), and the ratio to the contact form on the same instance.
 *   A fresh PostgreSQL database from BENCH_DATABASE_URL, or else from the local server on
 *   127.0.0.1:5432; skipped when there is neither.
 *
 * - `dynamic`: the two paths rendered for each visitor, as issue 15 measures them: contact-form
 *   submissions and searches (the query picked per request from a list of words people look
 *   for), each at 50 connections, on a fresh PostgreSQL database from BENCH_DATABASE_URL or
 *   else the local server on 127.0.0.1:5432: requests per second, p50/p99, errors, whether the
 *   statistics counted every inquiry stored, and the issue's goals (form 150/s with p99 under
 *   500 ms, search 400/s). Search is loaded with wrk when installed (scripts/bench/dynamic.ts).
 *
 * - `lighthouse`: Lighthouse 12.2.3 (mobile preset) BENCH_LIGHTHOUSE_RUNS times (default 3) on
 *   `/`, an article, a children's topic, `/kontakt`, `/kurs` and `/chat` of an instance of its own:
 *   the medians of the four scores, LCP, TBT and CLS, and the requests and bytes per resource
 *   type the page loaded (scripts/bench/lighthouse.ts). The browser is the one the end-to-end
 *   tests drive, or CHROME_PATH.
 *
 * BENCH_ONLY=pages runs the pages alone (bytes, app, bare server, wrk against nginx; no form or later
 * sections). BENCH_ONLY=chat, flood, counting, courses, dynamic or lighthouse runs that section alone (no pages, form or purge;
 * the main app is not started), for a quicker run:
 * `BENCH_ONLY=flood BENCH_DATABASE_URL=… npm run bench`.
 *
 * Only 127.0.0.1 is contacted. The JSON report is the only thing on stdout (progress goes to
 * stderr). The bench never fails CI: errors are reported in the JSON and it exits 0; it exits
 * non-zero only when the app cannot start at all.
 */
import { AppStartError, type AppProcess, type Database, spawnApp } from './bench/app-process';
import { startBareServer } from './bench/bare-server';
import { startNginxServer } from './bench/nginx-server';
import { type RecipeNginx, startRecipeNginx } from './bench/nginx-recipe';
import { runWrk, type WrkResult, wrkBinary } from './bench/wrk';
import { measurePageBytes, type PageBytes } from './bench/bytes';
import { type LighthouseReport, measureLighthouse } from './bench/lighthouse';
import { CHAT_DEFAULTS, type ChatOptions, type ChatReport, measureChat } from './bench/chat';
import { COURSE_DEFAULTS, type CourseReport, measureCourseSignup } from './bench/course-signup';
import { type CountingReport, measureCounting } from './bench/counting';
import { type DynamicReport, measureDynamic } from './bench/dynamic';
import { FLOOD_DEFAULTS, type FloodReport, measureFlood } from './bench/flood';
import { type FormResult, measureForm } from './bench/form';
import { type LoadResult, runLoad } from './bench/load';
import { freeUdpPort, getPage } from './bench/net';
import { measurePurge, type PurgeReport } from './bench/purge';
import { ratio, round } from './bench/stats';

type Kind = 'page' | 'article' | 'children' | 'search';

const TARGETS: { path: string; kind: Kind }[] = [
  { path: '/', kind: 'page' },
  { path: '/personvern', kind: 'page' },
  { path: '/i-helsetjenesten/rett-til-informasjon-som-parorende', kind: 'article' },
  { path: '/unge/nar-noen-dor', kind: 'children' },
  { path: '/sok?q=sykdom', kind: 'search' },
];
const WARMUP_SECONDS = 1.5;

type Config = { concurrency: number; seconds: number };

type PathResult =
  | {
      path: string;
      kind: Kind;
      app: LoadResult & { html_bytes: number };
      bare: LoadResult;
      wrk: WrkComparison;
      ratio: { rps_app_over_bare: number | null; p99_app_over_bare: number | null };
      bytes: PageBytes | { error: string };
    }
  | { path: string; kind: Kind; status?: number; error: string };

type Report = {
  tool: 'hjelpelinje bench';
  node: string;
  concurrency: number;
  seconds: number;
  database: Database;
  results: PathResult[];
  form: FormResult;
  counting: CountingReport;
  purge: PurgeReport;
  chat: ChatReport;
  flood: FloodReport;
  courses: CourseReport;
  dynamic: DynamicReport;
  lighthouse: LighthouseReport;
};

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** A positive number from the environment, or the default (with a note) when it is not one. */
function numberFromEnv(name: string, fallback: number, integer: boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value))) return value;
  progress(`ignoring ${name}=${raw} (not a positive ${integer ? 'integer' : 'number'}); using ${fallback}.`);
  return fallback;
}

function readConfig(): Config {
  return {
    concurrency: numberFromEnv('BENCH_CONCURRENCY', 16, true),
    seconds: numberFromEnv('BENCH_SECONDS', 5, false),
  };
}

function readChatOptions(): ChatOptions {
  return {
    chats: numberFromEnv('BENCH_CHATS', CHAT_DEFAULTS.chats, true),
    messages: numberFromEnv('BENCH_CHAT_MESSAGES', CHAT_DEFAULTS.messages, true),
    rate: numberFromEnv('BENCH_CHAT_RATE', CHAT_DEFAULTS.rate, false),
  };
}

/** The chat section; measureChat reports its own failures, this only guards the unexpected. */
async function measureChatSafely(): Promise<ChatReport> {
  const options = readChatOptions();
  try {
    return await measureChat(options);
  } catch (err) {
    return { chats: options.chats, error: `measurement failed (${(err as Error).message})` };
  }
}

/** The flood section; measureFlood reports its own failures, this only guards the unexpected. */
async function measureFloodSafely(): Promise<FloodReport> {
  try {
    return await measureFlood({
      chats: numberFromEnv('BENCH_FLOOD_CHATS', FLOOD_DEFAULTS.chats, true),
      streams: numberFromEnv('BENCH_FLOOD_STREAMS', FLOOD_DEFAULTS.streams, true),
      seconds: numberFromEnv('BENCH_FLOOD_SECONDS', FLOOD_DEFAULTS.seconds, false),
      rate: numberFromEnv('BENCH_FLOOD_RATE', FLOOD_DEFAULTS.rate, false),
    });
  } catch (err) {
    return { error: `measurement failed (${(err as Error).message})` };
  }
}

/** The courses section; measureCourseSignup reports its own failures, this only guards the unexpected. */
async function measureCoursesSafely(): Promise<CourseReport> {
  const payment = process.env.BENCH_COURSE_PAYMENT ?? COURSE_DEFAULTS.payment;
  if (payment !== 'free' && payment !== 'invoice') progress(`ignoring BENCH_COURSE_PAYMENT=${payment} (not "free" or "invoice"); using ${COURSE_DEFAULTS.payment}.`);
  try {
    return await measureCourseSignup({
      signups: numberFromEnv('BENCH_COURSE_SIGNUPS', COURSE_DEFAULTS.signups, true),
      capacity: numberFromEnv('BENCH_COURSE_CAPACITY', COURSE_DEFAULTS.capacity, true),
      clients: numberFromEnv('BENCH_COURSE_CLIENTS', COURSE_DEFAULTS.clients, true),
      payment: payment === 'free' || payment === 'invoice' ? payment : COURSE_DEFAULTS.payment,
    });
  } catch (err) {
    return { error: `measurement failed (${(err as Error).message})` };
  }
}

const writeReport = (report: unknown) =>
  new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => resolve()));

/** The cost of counting visits, on two instances of its own; never fatal. */
function measureCountingSafely(config: Config): Promise<CountingReport> {
  return measureCounting({ concurrency: config.concurrency, warmupSeconds: WARMUP_SECONDS, seconds: config.seconds }, progress).catch((err: Error): CountingReport => {
    progress(`counting: ${err.message}`);
    return { error: `measurement failed (${err.message})` };
  });
}

/** Lighthouse on the landing pages, on an instance of its own; never fatal. */
function measureLighthouseSafely(): Promise<LighthouseReport> {
  return measureLighthouse(progress).catch((err: Error): LighthouseReport => {
    progress(`lighthouse: ${err.message}`);
    return { error: `measurement failed (${err.message})` };
  });
}

/** The form and search at 50 connections on PostgreSQL; never fatal. */
function measureDynamicSafely(config: Config): Promise<DynamicReport> {
  return measureDynamic({ seconds: config.seconds }).catch((err: Error): DynamicReport => {
    progress(`dynamic: ${err.message}`);
    return { error: `measurement failed (${err.message})` };
  });
}

const SECTIONS = ['chat', 'flood', 'counting', 'courses', 'dynamic', 'lighthouse'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (value: string | undefined): value is Section => SECTIONS.some((s) => s === value);

/** BENCH_ONLY=<section>: that section alone, without the main app. */
async function sectionOnly(only: Section): Promise<void> {
  // Ctrl-C goes through process.exit, so the instances' exit hooks stop them.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(130));
  const measure: Record<Section, () => Promise<unknown>> = {
    chat: measureChatSafely,
    flood: measureFloodSafely,
    counting: () => measureCountingSafely(readConfig()),
    courses: measureCoursesSafely,
    dynamic: () => measureDynamicSafely(readConfig()),
    lighthouse: measureLighthouseSafely,
  };
  const section = await measure[only]();
  await writeReport({ tool: 'hjelpelinje bench', node: process.version, only, [only]: section });
}

function load(port: number, path: string, config: Config): Promise<LoadResult> {
  return runLoad({ port, path, concurrency: config.concurrency, warmupSeconds: WARMUP_SECONDS, seconds: config.seconds });
}

/** The page's bytes and its scripts'; a failure here is reported in place of them. */
async function pageBytes(app: AppProcess, path: string): Promise<PageBytes | { error: string }> {
  try {
    return await measurePageBytes(app.port, path);
  } catch (err) {
    progress(`${path}: could not measure the bytes (${(err as Error).message})`);
    return { error: `could not measure the bytes (${(err as Error).message})` };
  }
}

/** The bytes, then the app under load, then a bare server with the app's bytes, on one path. */
async function measurePath(app: AppProcess, path: string, kind: Kind, config: Config, recipe: Recipe): Promise<PathResult> {
  let html: Buffer;
  try {
    const page = await getPage(app.port, path);
    if (page.status !== 200) {
      progress(`${path} answered ${page.status}; not measured.`);
      return { path, kind, status: page.status, error: `the page answered HTTP ${page.status}, not 200; not measured` };
    }
    html = page.body;
  } catch (err) {
    return { path, kind, error: `could not fetch the page (${(err as Error).message})` };
  }

  progress(`${path}: bytes of the page and its scripts…`);
  const bytes = await pageBytes(app, path);
  progress(`${path}: loading the app (${html.length} bytes)…`);
  const appResult = await load(app.port, path, config);
  const bare = await startBareServer(path, html);
  let bareResult: LoadResult;
  try {
    progress(`${path}: loading the bare server…`);
    bareResult = await load(bare.port, path, config);
  } finally {
    await bare.close();
  }
  const wrk = kind === 'search' ? { skipped: 'dynamic: nginx would answer every query with one page' } : await wrkAgainstNginx(app, path, html, config, recipe);
  return {
    path,
    kind,
    app: { ...appResult, html_bytes: html.length },
    bare: bareResult,
    wrk,
    ratio: {
      rps_app_over_bare: round(ratio(appResult.rps, bareResult.rps), 3),
      p99_app_over_bare: round(ratio(appResult.p99_ms, bareResult.p99_ms), 3),
    },
    bytes,
  };
}

type WrkComparison =
  | {
      app: WrkResult;
      nginx: WrkResult;
      rps_app_over_nginx: number | null;
      p99_app_over_nginx: number | null;
      /** The app behind the recipe's nginx (deploy/nginx/), its cache and counting on: the run of the middle pair. */
      through_recipe: WrkResult | { skipped: string };
      /** The median of the pairs' ratios: nginx and the recipe run in turn, RECIPE_PAIRS times. */
      rps_recipe_over_nginx: number | null;
      recipe_over_nginx_each: number[];
      /** nginx's run in the middle pair, beside `through_recipe`. */
      nginx_beside_recipe?: WrkResult;
      accept_encoding: string;
    }
  | { skipped: string }
  | { error: string };

/**
 * The app and nginx (the same bytes, a precompressed gzip copy beside them) under wrk, 2 threads
 * and 50 connections, both asked for gzip as a browser asks: the ratio issue 15 sets its targets
 * on. Needs wrk and nginx; reported as skipped without them, and a failure is reported, not fatal.
 */
async function wrkAgainstNginx(app: AppProcess, path: string, html: Buffer, config: Config, recipe: Recipe): Promise<WrkComparison> {
  const bin = wrkBinary();
  if (!bin) return { skipped: 'wrk is not installed (apt-get install wrk, or WRK_BIN)' };
  const headers = { 'Accept-Encoding': 'gzip' };
  try {
    const server = await startNginxServer(path, html);
    if (!server) return { skipped: 'nginx is not installed (apt-get install nginx, or NGINX_BIN)' };
    try {
      progress(`${path}: wrk against the app, then nginx and the recipe in turn…`);
      const appResult = await runWrk(bin, { port: app.port, path, seconds: config.seconds, headers });
      const nginxResult = await runWrk(bin, { port: server.port, path, seconds: config.seconds, headers });
      return {
        app: appResult,
        nginx: nginxResult,
        rps_app_over_nginx: round(ratio(appResult.rps, nginxResult.rps), 3),
        p99_app_over_nginx: round(ratio(appResult.p99_ms, nginxResult.p99_ms), 3),
        ...('skipped' in recipe
          ? { through_recipe: recipe, rps_recipe_over_nginx: null, recipe_over_nginx_each: [] }
          : await recipeInTurn(bin, recipe, { port: server.port, headers, first: nginxResult }, path, config, { ...headers, ...BROWSER_DOCUMENT })),
        accept_encoding: headers['Accept-Encoding'],
      };
    } finally {
      await server.close();
    }
  } catch (err) {
    progress(`${path}: wrk: ${(err as Error).message}`);
    return { error: `wrk could not be run (${(err as Error).message})` };
  }
}

/** How many times nginx and the recipe run in turn on each page. */
const RECIPE_PAIRS = 3;

/**
 * Through the recipe as a browser arrives: each request is counted (nginx sends the app a
 * line). The recipe's app has not served this page yet, nor has nginx kept it: a first second
 * of load, not measured, makes both, as the app's own run already has. On two shared cores one
 * run can differ from the next by a tenth, so nginx (its first run is `nginx.first`) and the recipe
 * run in turn, and the ratio reported is the median pair's.
 */
async function recipeInTurn(
  bin: string,
  recipe: Exclude<Recipe, { skipped: string }>,
  nginx: { port: number; headers: Record<string, string>; first: WrkResult },
  path: string,
  config: Config,
  headers: Record<string, string>,
) {
  await runWrk(bin, { port: recipe.nginx.port, path, seconds: 1, headers });
  const pairs: { nginx: WrkResult; recipe: WrkResult; ratio: number }[] = [];
  for (let i = 0; i < RECIPE_PAIRS; i++) {
    const yardstick = i === 0 ? nginx.first : await runWrk(bin, { port: nginx.port, path, seconds: config.seconds, headers: nginx.headers });
    const through = await runWrk(bin, { port: recipe.nginx.port, path, seconds: config.seconds, headers });
    pairs.push({ nginx: yardstick, recipe: through, ratio: ratio(through.rps, yardstick.rps) ?? 0 });
  }
  const middle = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor(pairs.length / 2)]!;
  return {
    through_recipe: middle.recipe,
    nginx_beside_recipe: middle.nginx,
    rps_recipe_over_nginx: round(middle.ratio, 3),
    recipe_over_nginx_each: pairs.map((p) => round(p.ratio, 3) ?? 0),
  };
}

/** What a browser sends with a page it opens from a bookmark: such a request is counted. */
const BROWSER_DOCUMENT = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  'Sec-Fetch-Dest': 'document',
  'Sec-Fetch-Mode': 'navigate',
  'Sec-Fetch-Site': 'none',
};

/**
 * The recipe's nginx (plain HTTP here, so it is compared with nginx's static yardstick like for
 * like; TLS costs both the same) in front of an app of its own, started as the recipe says
 * (VISIT_COUNTING=proxy, TRUST_PROXY_HOPS=1, VISIT_COUNT_PORT). Skipped without nginx, openssl or wrk.
 */
type Recipe = { app: AppProcess; nginx: RecipeNginx } | { skipped: string };

async function startRecipe(): Promise<Recipe> {
  if (!wrkBinary()) return { skipped: 'wrk is not installed (apt-get install wrk, or WRK_BIN)' };
  let app: AppProcess | undefined;
  try {
    const countPort = await freeUdpPort();
    app = await spawnApp({ VISIT_COUNTING: 'proxy', TRUST_PROXY_HOPS: '1', VISIT_COUNT_PORT: String(countPort) });
    stopAppOnExit(app);
    await app.ready();
    const nginx = await startRecipeNginx({ appPort: app.port, countPort, tls: false });
    if (!nginx) {
      await app.stop();
      return { skipped: 'nginx or openssl is not installed (apt-get install nginx openssl, or NGINX_BIN)' };
    }
    return { app, nginx };
  } catch (err) {
    await app?.stop();
    progress(`the recipe's nginx: ${(err as Error).message}`);
    return { skipped: `the recipe could not be started (${(err as Error).message})` };
  }
}

async function stopRecipe(recipe: Recipe): Promise<void> {
  if ('skipped' in recipe) return;
  await recipe.nginx.close();
  await recipe.app.stop();
}

/** A failure on one path (say, a port taken by a race) is reported, not fatal. */
async function measureSafely(app: AppProcess, path: string, kind: Kind, config: Config, recipe: Recipe): Promise<PathResult> {
  try {
    return await measurePath(app, path, kind, config, recipe);
  } catch (err) {
    progress(`${path}: ${(err as Error).message}`);
    return { path, kind, error: `measurement failed (${(err as Error).message})` };
  }
}

/** Contact-form submissions, related to the app's `/` measured just before; never fatal. */
async function measureFormSafely(app: AppProcess, results: PathResult[], config: Config): Promise<FormResult> {
  const home = results.find((r) => r.path === '/');
  const homeRps = home && 'app' in home ? home.app.rps : null;
  try {
    progress('/kontakt: submitting the contact form…');
    return await measureForm({ port: app.port, concurrency: config.concurrency, warmupSeconds: WARMUP_SECONDS, seconds: config.seconds, homeRps });
  } catch (err) {
    progress(`/kontakt: ${(err as Error).message}`);
    return { path: '/kontakt', error: `measurement failed (${(err as Error).message})` };
  }
}

/** Stops the app on Ctrl-C / SIGTERM and, as a last resort, on any exit. */
function stopAppOnExit(app: AppProcess): void {
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping the app…`);
    void app.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => app.stopNow());
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (isSection(only)) return sectionOnly(only);
  const pagesOnly = only === 'pages';
  if (only && !pagesOnly) progress(`ignoring BENCH_ONLY=${only} (only "pages", ${SECTIONS.map((s) => `"${s}"`).join(', ')} are known); running everything.`);
  const config = readConfig();
  progress('starting the app (it builds first when the sources changed; this can take a minute)…');
  const app = await spawnApp();
  stopAppOnExit(app);
  try {
    await app.ready();
    progress(`the app answers on port ${app.port} (${app.database}).`);
    const results: PathResult[] = [];
    progress('starting the recipe\'s nginx in front of an app of its own…');
    const recipe = await startRecipe();
    try {
      for (const { path, kind } of TARGETS) results.push(await measureSafely(app, path, kind, config, recipe));
    } finally {
      await stopRecipe(recipe);
    }
    if (pagesOnly) {
      await writeReport({ tool: 'hjelpelinje bench', node: process.version, only, concurrency: config.concurrency, seconds: config.seconds, database: app.database, results });
      return;
    }
    const form = await measureFormSafely(app, results, config);
    const counting = await measureCountingSafely(config);
    const purge = await measurePurge();
    const chat = await measureChatSafely();
    const flood = await measureFloodSafely();
    const courses = await measureCoursesSafely();
    const dynamic = await measureDynamicSafely(config);
    const lighthouse = await measureLighthouseSafely();
    const report: Report = {
      tool: 'hjelpelinje bench',
      node: process.version,
      concurrency: config.concurrency,
      seconds: config.seconds,
      database: app.database,
      results,
      form,
      counting,
      purge,
      chat,
      flood,
      courses,
      dynamic,
      lighthouse,
    };
    await writeReport(report);
  } finally {
    progress('stopping the app…');
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const message = err instanceof AppStartError ? err.message : `unexpected failure (${(err as Error)?.message ?? String(err)})`;
    process.stderr.write(`bench: ${message}\n`);
    process.exit(1);
  },
);
