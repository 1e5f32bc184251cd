import { spawnApp } from './app-process';
import { countingMicroseconds, ratioFromCost } from './counting-cost';
import { runLoad } from './load';
import { percentile, ratio, round } from './stats';

/**
 * What counting page views and visits costs a page: the same pages, loaded as a browser opens
 * them from another site (so every request is a page view and a visit, the most counting can
 * cost), on two fresh instances started alike but for VISIT_COUNTING (on, off). Fresh, so
 * neither carries the rest of the bench's history (a heap grown by the form's thousands of
 * inquiries); measured in turns in the same run. The report gives requests per second for each,
 * the ratio of each round's pair, and their median (target: 0.95 or more). On a machine whose
 * rounds vary by a third (as an A/A run, both instances counting, shows here), that median still
 * moves by several per cent; so the report adds counting's own cost, measured in this process
 * (counting-cost.ts), and the ratio that cost gives at the measured speed.
 */
const PATHS = ['/', '/i-helsetjenesten/rett-til-informasjon-som-parorende'];
/**
 * Short rounds, many of them: on a shared machine the load drifts over seconds, so each round
 * measures both instances one right after the other and the ratio is taken per round, then the
 * median of those ratios is reported. A slow spell then spoils one round's pair, not the result.
 */
const ROUNDS = 8;
/** Each round's window, shorter than the other sections' so eight rounds fit in a few minutes. */
const ROUND_SECONDS = 3;

/** How a current browser asks for a page it was sent to from elsewhere. */
const OPENED_FROM_OUTSIDE = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml',
  'sec-fetch-dest': 'document',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-site': 'cross-site',
};

export type CountingReport =
  | {
      paths: {
        path: string;
        counting_rps: number | null;
        not_counting_rps: number | null;
        ratio: number | null;
        round_ratios: number[];
        counting_us_per_page: number | null;
        ratio_from_cost: number | null;
      }[];
      ratio_min: number | null;
    }
  | { error: string };

type Options = { concurrency: number; warmupSeconds: number; seconds: number };

export async function measureCounting(options: Options, progress: (line: string) => void): Promise<CountingReport> {
  progress('counting: starting two instances, VISIT_COUNTING=on and off…');
  const apps = { on: await spawnApp({ VISIT_COUNTING: 'on' }), off: await spawnApp({ VISIT_COUNTING: 'off' }) };
  try {
    await Promise.all([apps.on.ready(), apps.off.ready()]);
    const paths = [];
    for (const path of PATHS) {
      const rps = { on: [] as number[], off: [] as number[] };
      for (let turn = 0; turn < ROUNDS; turn++) {
        // Each instance goes first every other round, so neither is always measured colder.
        for (const which of turn % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
          const result = await runLoad({ port: apps[which].port, path, headers: OPENED_FROM_OUTSIDE, ...options, seconds: Math.min(options.seconds, ROUND_SECONDS) });
          if (result.errors > 0) throw new Error(`${path} on the instance with counting ${which}: ${result.first_error ?? 'errors'}`);
          rps[which].push(result.rps ?? 0);
        }
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const on = round(mean(rps.on), 1);
      const off = round(mean(rps.off), 1);
      const pairs = rps.on.map((v, i) => ratio(v, rps.off[i] ?? null)).filter((r): r is number => r !== null);
      const median = percentile([...pairs].sort((a, b) => a - b), 50);
      const costUs = countingMicroseconds(path, OPENED_FROM_OUTSIDE);
      const fromCost = off ? round(ratioFromCost(off, costUs), 4) : null;
      paths.push({ path, counting_rps: on, not_counting_rps: off, ratio: round(median, 3), round_ratios: pairs.map((r) => round(r, 3)!), counting_us_per_page: round(costUs, 2), ratio_from_cost: fromCost });
      progress(`counting: ${path} ${on} requests/s counted, ${off} not; per round ${pairs.map((r) => r.toFixed(2)).join(' ')} (median ${paths.at(-1)!.ratio})`);
      progress(`counting: ${path} counting costs ${costUs.toFixed(2)} µs a page in this process: at ${off} requests/s, a ratio of ${fromCost}`);
    }
    const ratios = paths.map((p) => p.ratio).filter((r): r is number => r !== null);
    return { paths, ratio_min: ratios.length === paths.length ? Math.min(...ratios) : null };
  } finally {
    await Promise.all([apps.on.stop(), apps.off.stop()]);
  }
}
