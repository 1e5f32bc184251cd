import { describe, expect, it } from 'vitest';
import { countingMicroseconds, ratioFromCost } from './counting-cost';

describe("counting's own cost", () => {
  it('turns a cost per page into the ratio it gives at a speed', () => {
    // 10,000 pages a second is 100 µs a page; 5 µs more is 100/105.
    expect(ratioFromCost(10_000, 5)).toBeCloseTo(100 / 105, 10);
    expect(ratioFromCost(10_000, 0)).toBe(1);
  });

  it('is measured on the real counting steps, and is a few microseconds at most', () => {
    const headers = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36', 'sec-fetch-dest': 'document', 'sec-fetch-site': 'cross-site' };
    const us = countingMicroseconds('/', headers, 20_000);
    expect(us).toBeGreaterThan(0);
    expect(us).toBeLessThan(1000);
  });
});
