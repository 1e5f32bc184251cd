import { chromiumArgs, chromiumExecutable } from '@/test/browser';
import { type AppProcess, spawnApp } from './app-process';
import { round } from './stats';

/**
 * Lighthouse on the pages a visitor lands on, as a phone on a slow network sees them: the
 * default mobile preset (simulated throttling), BENCH_LIGHTHOUSE_RUNS runs per page (default
 * 3), reported as medians. Lighthouse 12.2.3 is pinned (13 needs Node 22); the browser is the
 * one the end-to-end tests drive (test/browser.ts, or CHROME_PATH), with every request off this
 * machine refused by the same dead proxy, so a page that reaches out would show it here.
 *
 * For each page: the four category scores (0–100); largest contentful paint and total blocking
 * time in milliseconds; cumulative layout shift; and what the page loaded, from Lighthouse's
 * own list of network requests: how many, and bytes transferred per resource type (document,
 * script, stylesheet, font, image, other), summed over the requests of that type.
 */
const LIGHTHOUSE_PAGES = [
  { path: '/', kind: 'page' },
  { path: '/i-helsetjenesten/rett-til-informasjon-som-parorende', kind: 'article' },
  { path: '/unge/nar-noen-dor', kind: 'children' },
  { path: '/kontakt', kind: 'form' },
  { path: '/kurs', kind: 'courses' },
  { path: '/chat', kind: 'chat' },
] as const;

type Scores = { performance: number; accessibility: number; best_practices: number; seo: number };
type Metrics = { lcp_ms: number; tbt_ms: number; cls: number };
type Loaded = { requests: number; bytes: Record<'document' | 'script' | 'stylesheet' | 'font' | 'image' | 'other', number> };

export type RunResult = Scores & Metrics & { requests: number; bytes: Loaded['bytes'] };

type LighthousePage =
  | { path: string; kind: string; runs: number; median: Scores & Metrics & Loaded; spread: { performance: [number, number] } }
  | { path: string; kind: string; error: string };

export type LighthouseReport = { lighthouse: string; preset: 'mobile'; runs_per_page: number; pages: LighthousePage[] } | { error: string };

export type Lhr = {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }>;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const score = (lhr: Lhr, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

export function readRun(lhr: Lhr): RunResult {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  const bytes: Loaded['bytes'] = { document: 0, script: 0, stylesheet: 0, font: 0, image: 0, other: 0 };
  for (const item of items) {
    const type = (item.resourceType ?? 'Other').toLowerCase();
    const key = type in bytes ? (type as keyof Loaded['bytes']) : 'other';
    bytes[key] += item.transferSize ?? 0;
  }
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    best_practices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    lcp_ms: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    tbt_ms: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    cls: round(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN, 3) ?? NaN,
    requests: items.length,
    bytes,
  };
}

export function medianOf(runs: RunResult[]): Scores & Metrics & Loaded {
  const m = (pick: (r: RunResult) => number) => median(runs.map(pick));
  const bytes = Object.fromEntries(Object.keys(runs[0]!.bytes).map((k) => [k, m((r) => r.bytes[k as keyof Loaded['bytes']])])) as Loaded['bytes'];
  return {
    performance: m((r) => r.performance),
    accessibility: m((r) => r.accessibility),
    best_practices: m((r) => r.best_practices),
    seo: m((r) => r.seo),
    lcp_ms: m((r) => r.lcp_ms),
    tbt_ms: m((r) => r.tbt_ms),
    cls: m((r) => r.cls),
    requests: m((r) => r.requests),
    bytes,
  };
}

function runsFromEnv(progress: (line: string) => void): number {
  const raw = process.env.BENCH_LIGHTHOUSE_RUNS;
  if (!raw) return 3;
  const n = Number(raw);
  if (Number.isInteger(n) && n > 0) return n;
  progress(`ignoring BENCH_LIGHTHOUSE_RUNS=${raw} (not a positive integer); using 3.`);
  return 3;
}

/** Lighthouse on each page of a fresh instance of its own; a page that fails is reported, not fatal. */
export async function measureLighthouse(progress: (line: string) => void): Promise<LighthouseReport> {
  const chromePath = process.env.CHROME_PATH || chromiumExecutable();
  if (!chromePath) return { error: 'no Chromium found (set CHROME_PATH, or install chromium-headless-shell)' };
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const runs = runsFromEnv(progress);
  let app: AppProcess | undefined;
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs], logLevel: 'silent' });
  try {
    app = await spawnApp();
    await app.ready();
    const pages: LighthousePage[] = [];
    let version = '';
    for (const { path, kind } of LIGHTHOUSE_PAGES) {
      const results: RunResult[] = [];
      try {
        for (let i = 0; i < runs; i++) {
          progress(`lighthouse: ${path}, run ${i + 1} of ${runs}…`);
          const result = await lighthouse(`http://127.0.0.1:${app.port}${path}`, { port: chrome.port, logLevel: 'error', output: 'json' });
          const lhr = result?.lhr as unknown as Lhr | undefined;
          if (!lhr) throw new Error('Lighthouse returned no result');
          if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
          version = lhr.lighthouseVersion;
          results.push(readRun(lhr));
        }
        const perf = results.map((r) => r.performance);
        pages.push({ path, kind, runs, median: medianOf(results), spread: { performance: [Math.min(...perf), Math.max(...perf)] } });
      } catch (err) {
        progress(`lighthouse: ${path}: ${(err as Error).message}`);
        pages.push({ path, kind, error: `measurement failed (${(err as Error).message})` });
      }
    }
    return { lighthouse: version, preset: 'mobile', runs_per_page: runs, pages };
  } finally {
    chrome.kill();
    await app?.stop();
  }
}
