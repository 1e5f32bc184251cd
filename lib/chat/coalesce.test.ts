import { describe, expect, it } from 'vitest';
import { coalesced } from '@/lib/chat/coalesce';

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
