import { describe, expect, it, vi } from 'vitest';
import { type Clock } from '@/lib/clock';
import { limiter, RateLimiter } from '@/lib/rate-limit/limiter';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

function testClock(start = '2026-03-10T12:00:00Z'): Clock & { advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('RateLimiter', () => {
  it('allows `limit` hits, then refuses with the time until the oldest hit leaves the window', () => {
    const clock = testClock();
    const rl = new RateLimiter({ name: 'contact', limit: 5, windowMs: HOUR, clock });
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = rl.take('client-a');
      expect(r.ok).toBe(true);
      if (r.ok) remaining.push(r.remaining);
      clock.advance(MINUTE);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);

    // Five minutes after the first hit: it leaves the window 55 minutes from now.
    expect(rl.take('client-a')).toEqual({ ok: false, retryAfterMs: 55 * MINUTE });
    // Another client is unaffected.
    expect(rl.take('client-b')).toEqual({ ok: true, remaining: 4 });
  });

  it('lets a client in again as the window slides, one slot per expired hit', () => {
    const clock = testClock();
    const rl = new RateLimiter({ name: 'slide', limit: 2, windowMs: HOUR, clock });
    expect(rl.take('k').ok).toBe(true); // t = 0
    clock.advance(30 * MINUTE);
    expect(rl.take('k').ok).toBe(true); // t = 30 min
    clock.advance(10 * MINUTE);
    const refused = rl.take('k'); // t = 40 min, not recorded
    expect(refused).toEqual({ ok: false, retryAfterMs: 20 * MINUTE });

    clock.advance(20 * MINUTE - 1);
    expect(rl.take('k')).toEqual({ ok: false, retryAfterMs: 1 });
    clock.advance(1); // t = 60 min: the first hit has left the window
    expect(rl.take('k')).toEqual({ ok: true, remaining: 0 });
    expect(rl.take('k')).toEqual({ ok: false, retryAfterMs: 30 * MINUTE });

    clock.advance(2 * HOUR); // everything has left the window
    expect(rl.take('k')).toEqual({ ok: true, remaining: 1 });
  });

  it('does not count refused attempts', () => {
    const clock = testClock();
    const rl = new RateLimiter({ name: 'refused', limit: 1, windowMs: MINUTE, clock });
    expect(rl.take('k').ok).toBe(true);
    for (let i = 0; i < 10; i++) {
      clock.advance(1000);
      expect(rl.take('k').ok).toBe(false);
    }
    clock.advance(50 * 1000);
    expect(rl.take('k').ok).toBe(true);
  });

  it('never tracks more than maxKeys, dropping the keys whose newest hit is oldest', () => {
    const clock = testClock();
    const rl = new RateLimiter({ name: 'bounded', limit: 1, windowMs: HOUR, clock, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) {
      rl.take(key);
      clock.advance(1000);
    }
    expect(rl.size).toBe(3);
    expect(rl.take('a').ok).toBe(false); // refused: does not refresh a's place
    rl.take('d'); // evicts a, the oldest newest-hit
    expect(rl.size).toBe(3);
    expect(rl.take('b').ok).toBe(false); // b, c, d are still limited
    expect(rl.take('c').ok).toBe(false);
    expect(rl.take('d').ok).toBe(false);
    expect(rl.take('a').ok).toBe(true); // a was forgotten (and evicts b)
    expect(rl.size).toBe(3);
    expect(rl.take('b').ok).toBe(true);

    for (let i = 0; i < 1000; i++) rl.take(`flood-${i}`);
    expect(rl.size).toBe(3);
  });

  it('drops keys whose hits have all left the window', () => {
    const clock = testClock();
    const rl = new RateLimiter({ name: 'expiry', limit: 3, windowMs: MINUTE, clock });
    for (let i = 0; i < 100; i++) rl.take(`k${i}`);
    expect(rl.size).toBe(100);
    clock.advance(MINUTE);
    rl.take('fresh');
    expect(rl.size).toBe(1);
  });

  it('reset() forgets everything', () => {
    const clock = testClock();
    const rl = new RateLimiter({ name: 'reset', limit: 1, windowMs: HOUR, clock });
    rl.take('k');
    expect(rl.take('k').ok).toBe(false);
    rl.reset();
    expect(rl.size).toBe(0);
    expect(rl.take('k').ok).toBe(true);
  });

  it('rejects nonsensical options', () => {
    const clock = testClock();
    expect(() => new RateLimiter({ name: 'x', limit: 0, windowMs: HOUR, clock })).toThrow(RangeError);
    expect(() => new RateLimiter({ name: 'x', limit: 1.5, windowMs: HOUR, clock })).toThrow(RangeError);
    expect(() => new RateLimiter({ name: 'x', limit: 1, windowMs: 0, clock })).toThrow(RangeError);
    expect(() => new RateLimiter({ name: 'x', limit: 1, windowMs: HOUR, clock, maxKeys: 0 })).toThrow(RangeError);
  });
});

describe('limiter registry', () => {
  it('shares one limiter per name across callers', () => {
    const clock = testClock();
    const a = limiter('test-registry-shared', { limit: 2, windowMs: HOUR, clock });
    const b = limiter('test-registry-shared', { limit: 2, windowMs: HOUR, clock });
    expect(b).toBe(a);
    a.take('k');
    a.take('k');
    expect(b.take('k').ok).toBe(false);
    expect(limiter('test-registry-other', { limit: 2, windowMs: HOUR, clock })).not.toBe(a);
  });

  it('survives the module being loaded twice', async () => {
    const clock = testClock();
    const first = limiter('test-registry-reload', { limit: 1, windowMs: HOUR, clock });
    vi.resetModules();
    const again = await import('@/lib/rate-limit/limiter');
    expect(again.limiter).not.toBe(limiter);
    expect(again.limiter('test-registry-reload', { limit: 1, windowMs: HOUR, clock })).toBe(first);
  });

  it('refuses to reuse a name with different settings', () => {
    const clock = testClock();
    limiter('test-registry-conflict', { limit: 5, windowMs: HOUR, clock });
    expect(() => limiter('test-registry-conflict', { limit: 6, windowMs: HOUR, clock })).toThrow(/already exists/);
    expect(() => limiter('test-registry-conflict', { limit: 5, windowMs: 2 * HOUR, clock })).toThrow(/already exists/);
  });
});
