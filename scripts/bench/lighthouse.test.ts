import { describe, expect, it } from 'vitest';
import { type Lhr, medianOf, readRun } from './lighthouse';

/** What the bench reads out of a Lighthouse report, and how it takes the median of runs. */
function lhr(performance: number, lcp: number, items: { resourceType?: string; transferSize?: number }[]): Lhr {
  return {
    lighthouseVersion: '12.2.3',
    categories: { performance: { score: performance }, accessibility: { score: 1 }, 'best-practices': { score: 0.96 }, seo: { score: 1 } },
    audits: {
      'largest-contentful-paint': { numericValue: lcp },
      'total-blocking-time': { numericValue: 120.4 },
      'cumulative-layout-shift': { numericValue: 0.00049 },
      'network-requests': { details: { items } },
    },
  };
}

describe('the Lighthouse section of the bench', () => {
  it('reads scores out of 100, milliseconds, and bytes per resource type, with unknown types as other', () => {
    const run = readRun(
      lhr(0.88, 2712.6, [
        { resourceType: 'Document', transferSize: 9000 },
        { resourceType: 'Script', transferSize: 40000 },
        { resourceType: 'Script', transferSize: 2000 },
        { resourceType: 'Stylesheet', transferSize: 7000 },
        { resourceType: 'Fetch', transferSize: 300 },
        { transferSize: 5 },
      ]),
    );
    expect(run).toEqual({
      performance: 88,
      accessibility: 100,
      best_practices: 96,
      seo: 100,
      lcp_ms: 2713,
      tbt_ms: 120,
      cls: 0,
      requests: 6,
      bytes: { document: 9000, script: 42000, stylesheet: 7000, font: 0, image: 0, other: 305 },
    });
  });

  it('takes the median of each number on its own, not the middle run', () => {
    const runs = [readRun(lhr(0.9, 3000, [{ resourceType: 'Script', transferSize: 10 }])), readRun(lhr(0.7, 1000, [])), readRun(lhr(0.8, 2000, []))];
    expect(medianOf(runs)).toMatchObject({ performance: 80, lcp_ms: 2000, requests: 0, bytes: { script: 0 } });
  });
});
