import { describe, expect, it, vi } from 'vitest';
import { coalesced, RETRY_FIRST_MS, RETRY_MAX_MS } from '@/lib/chat/coalesce';

describe('coalesced', () => {
  it('runs once more after triggers that arrive during a run, never two at once', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release: () => void = () => {};
    const trigger = coalesced(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs++;
      await new Promise<void>((r) => (release = r));
      active--;
    }, () => {});
    trigger();
    trigger();
    trigger();
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it('keeps going after a failed run', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const trigger = coalesced(async () => {
      runs++;
      if (runs === 1) throw new Error('x');
    }, (e) => errors.push(e));
    trigger();
    await new Promise((r) => setTimeout(r, 0));
    trigger();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
  });
});

describe('coalesced, when a run fails', () => {
  it('tries again by itself, later each time, until a run succeeds', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      const trigger = coalesced(async () => {
        runs++;
        if (runs <= 3) throw new Error('the database is busy');
      }, () => {});
      trigger();
      await vi.advanceTimersByTimeAsync(0);
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS);
      expect(runs).toBe(2);
      // The second wait is twice as long.
      await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS);
      expect(runs).toBe(2);
      await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS);
      expect(runs).toBe(3);
      await vi.advanceTimersByTimeAsync(4 * RETRY_FIRST_MS);
      expect(runs).toBe(4);
      // Succeeded: no more runs of its own.
      await vi.advanceTimersByTimeAsync(10 * RETRY_MAX_MS);
      expect(runs).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits at most RETRY_MAX_MS between tries', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      const trigger = coalesced(async () => {
        runs++;
        throw new Error('away');
      }, () => {});
      trigger();
      await vi.advanceTimersByTimeAsync(10 * RETRY_MAX_MS);
      const before = runs;
      await vi.advanceTimersByTimeAsync(RETRY_MAX_MS);
      expect(runs).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});
