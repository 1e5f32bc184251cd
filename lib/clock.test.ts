import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';

/**
 * Next may load lib/clock.ts more than once in a process (a copy per server entry, and our
 * server's own). Under TEST_CLOCK_START every copy must tell the same time, or a chat's
 * deadline would depend on which route read it.
 */
describe('appClock under TEST_CLOCK_START', () => {
  const saved = process.env.TEST_CLOCK_START;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEST_CLOCK_START;
    else process.env.TEST_CLOCK_START = saved;
    resetEnvCache();
  });

  it('runs from the chosen date, and a copy of the module loaded later tells the same time', async () => {
    process.env.TEST_CLOCK_START = '2027-03-01T08:00:00+01:00';
    resetEnvCache();
    vi.resetModules();
    const first = (await import('@/lib/clock')).appClock();
    const before = first.now().getTime();
    await new Promise((r) => setTimeout(r, 40));
    vi.resetModules();
    const second = (await import('@/lib/clock')).appClock();

    const a = first.now().getTime();
    const b = second.now().getTime();
    const c = first.now().getTime();
    // The second copy's reading lies between two readings of the first: the same clock.
    expect(b).toBeGreaterThanOrEqual(a);
    expect(b).toBeLessThanOrEqual(c);
    // It started at the chosen date when the process started, and has run since.
    expect(before).toBeGreaterThanOrEqual(new Date('2027-03-01T07:00:00Z').getTime());
    expect(before - new Date('2027-03-01T07:00:00Z').getTime()).toBeLessThanOrEqual(performance.now() + 1);
  });
});
