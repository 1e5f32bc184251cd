import { describe, expect, it, vi } from 'vitest';

/**
 * Next may load a module once per server entry; what must be one per process has to be shared
 * by every copy. `vi.resetModules()` gives a second, fresh copy of the same files.
 */
async function freshCopy<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}

describe('process-wide state', () => {
  it('two copies of the module get the same value, made once', async () => {
    const a = await freshCopy(() => import('@/lib/process-wide'));
    const b = await freshCopy(() => import('@/lib/process-wide'));
    expect(a).not.toBe(b);
    const make = vi.fn(() => ({ made: true }));
    const first = a.processWide('test.thing', make);
    expect(b.processWide('test.thing', make)).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
    b.setProcessWide('test.thing', undefined);
    expect(a.peekProcessWide('test.thing')).toBeUndefined();
  });

  it('the limit on event streams counts the streams opened through every copy', async () => {
    const a = await freshCopy(() => import('@/lib/chat/stream-slots'));
    const b = await freshCopy(() => import('@/lib/chat/stream-slots'));
    const held = Array.from({ length: a.STREAMS_PER_HOLDER }, () => a.takeStreamSlot('chat:copies', 'For mange'));
    expect(held.every((slot) => 'release' in slot)).toBe(true);
    expect(b.takeStreamSlot('chat:copies', 'For mange')).toEqual({ status: 429, error: 'For mange' });
    for (const slot of held) if ('release' in slot) slot.release();
    const again = b.takeStreamSlot('chat:copies', 'For mange');
    expect('release' in again).toBe(true);
    if ('release' in again) again.release();
  });

  it('a named rate limiter counts the hits made through every copy', async () => {
    const a = await freshCopy(() => import('@/lib/rate-limit/limiter'));
    const b = await freshCopy(() => import('@/lib/rate-limit/limiter'));
    const opts = { limit: 2, windowMs: 60_000 };
    expect(a.limiter('test.copies', opts)).toBe(b.limiter('test.copies', opts));
  });
});
