import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '@/lib/clock';
import { appClientKeyer, ClientKeyer, normaliseAddress } from '@/lib/rate-limit/client-key';

const HOUR = 60 * 60 * 1000;

function testClock(start: string): Clock & { advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('ClientKeyer', () => {
  it('gives the same address the same key within a day, and a new one after rotation @claim:misbruk-uten-ip', () => {
    const clock = testClock('2026-03-10T00:30:00Z');
    const keyer = new ClientKeyer({ clock });
    const morning = keyer.keyFor('203.0.113.7');
    clock.advance(22 * HOUR);
    expect(keyer.keyFor('203.0.113.7')).toBe(morning);
    expect(keyer.keyFor('203.0.113.8')).not.toBe(morning);
    clock.advance(2 * HOUR); // past midnight UTC
    const nextDay = keyer.keyFor('203.0.113.7');
    expect(nextDay).not.toBe(morning);
    expect(keyer.keyFor('203.0.113.7')).toBe(nextDay);
  });

  it('honours a custom rotation period', () => {
    const clock = testClock('2026-03-10T00:00:00Z');
    const keyer = new ClientKeyer({ clock, rotateEveryMs: HOUR });
    const first = keyer.keyFor('198.51.100.1');
    clock.advance(HOUR - 1);
    expect(keyer.keyFor('198.51.100.1')).toBe(first);
    clock.advance(1);
    expect(keyer.keyFor('198.51.100.1')).not.toBe(first);
    expect(() => new ClientKeyer({ clock, rotateEveryMs: 0 })).toThrow(RangeError);
  });

  it('uses a fresh random key per instance', () => {
    const clock = fixedClock(new Date('2026-03-10T12:00:00Z'));
    expect(new ClientKeyer({ clock }).keyFor('203.0.113.7')).not.toBe(new ClientKeyer({ clock }).keyFor('203.0.113.7'));
  });

  it('treats IPv4-mapped IPv6 as the IPv4 address', () => {
    const keyer = new ClientKeyer({ clock: fixedClock(new Date('2026-03-10T12:00:00Z')) });
    const v4 = keyer.keyFor('203.0.113.7');
    expect(keyer.keyFor('::ffff:203.0.113.7')).toBe(v4);
    expect(keyer.keyFor('::FFFF:cb00:7107')).toBe(v4);
    expect(keyer.keyFor('  [::ffff:203.0.113.7]:443 ')).toBe(v4);
    expect(keyer.keyFor('203.0.113.7:51234')).toBe(v4);
  });

  it('shares a key within an IPv6 /64 and not across /64s', () => {
    const keyer = new ClientKeyer({ clock: fixedClock(new Date('2026-03-10T12:00:00Z')) });
    const a = keyer.keyFor('2001:db8:abcd:12::1');
    expect(keyer.keyFor('2001:db8:abcd:12:f00d:beef:1234:5678')).toBe(a);
    expect(keyer.keyFor('2001:0DB8:ABCD:0012:0000:0000:0000:0002')).toBe(a);
    expect(keyer.keyFor('2001:db8:abcd:12::1%eth0')).toBe(a);
    expect(keyer.keyFor('2001:db8:abcd:13::1')).not.toBe(a);
    expect(keyer.keyFor('2001:db8:abce:12::1')).not.toBe(a);
  });

  it('maps empty and non-addresses to one "unknown" bucket', () => {
    const keyer = new ClientKeyer({ clock: fixedClock(new Date('2026-03-10T12:00:00Z')) });
    const unknown = keyer.keyFor('unknown');
    expect(keyer.keyFor('')).toBe(unknown);
    expect(keyer.keyFor('   ')).toBe(unknown);
    expect(keyer.keyFor('not-an-ip')).toBe(unknown);
    expect(keyer.keyFor('999.1.1.1')).toBe(unknown);
    expect(keyer.keyFor('203.0.113.7')).not.toBe(unknown);
  });

  it('returns 16 bytes of base64url that do not contain the address @claim:misbruk-uten-ip', () => {
    const keyer = new ClientKeyer({ clock: fixedClock(new Date('2026-03-10T12:00:00Z')) });
    for (const address of ['203.0.113.7', '2001:db8::1', '10.0.0.1']) {
      const key = keyer.keyFor(address);
      expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(key, 'base64url')).toHaveLength(16);
      expect(key).not.toContain(address);
      for (const part of address.split(/[.:]/).filter((p) => p.length > 2)) expect(key).not.toContain(part);
    }
  });

  it('does not reveal its key when inspected or serialised', () => {
    const keyer = new ClientKeyer({ clock: fixedClock(new Date('2026-03-10T12:00:00Z')) });
    keyer.keyFor('203.0.113.7');
    expect(inspect(keyer, { showHidden: true, depth: 5 })).toBe('ClientKeyer {}');
    expect(JSON.stringify(keyer)).toBe('{}');
  });

  it('is one process-wide instance', () => {
    expect(appClientKeyer()).toBe(appClientKeyer());
    expect(appClientKeyer().keyFor('203.0.113.7')).toBe(appClientKeyer().keyFor('::ffff:203.0.113.7'));
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7\n', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['[2001:db8:1:2::3]:8080', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4::/64'],
    ['', 'unknown'],
    ['garbage', 'unknown'],
    ['1:2:3:4:5:6:7:8:9', 'unknown'],
  ])('%j -> %s', (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });
});
