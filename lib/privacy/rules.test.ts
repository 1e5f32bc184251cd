import { describe, expect, it } from 'vitest';
import { checkSchedule, osloDaysBetween } from '@/lib/privacy/rules';

const at = (iso: string) => new Date(iso);

describe('osloDaysBetween', () => {
  it('counts calendar days in Oslo, not 24-hour periods', () => {
    expect(osloDaysBetween(at('2026-12-01T08:00:00Z'), at('2026-12-14T23:00:00Z'))).toBe(14);
    expect(osloDaysBetween(at('2026-12-01T22:59:00Z'), at('2026-12-02T00:00:00Z'))).toBe(1);
  });

  it('is not thrown off by the change to summer time', () => {
    // 29 March 2026 has 23 hours in Oslo.
    expect(osloDaysBetween(at('2026-03-20T11:00:00Z'), at('2026-04-03T10:00:00Z'))).toBe(14);
  });
});

describe('checkSchedule', () => {
  const publishedAt = at('2026-12-01T08:00:00Z'); // 09:00 in Oslo

  it('accepts a version that takes effect 14 days after the day it is published', () => {
    expect(checkSchedule({ publishedAt, takesEffectAt: at('2026-12-14T23:00:00Z') })).toBeUndefined();
  });

  it('refuses one that takes effect after 13 days', () => {
    expect(checkSchedule({ publishedAt, takesEffectAt: at('2026-12-13T23:00:00Z') })).toBe('notice_too_short');
  });

  it('refuses one that would take effect before the newest existing version', () => {
    expect(
      checkSchedule({
        publishedAt,
        takesEffectAt: at('2027-01-01T00:00:00Z'),
        latestTakesEffectAt: at('2027-02-01T00:00:00Z'),
      }),
    ).toBe('before_previous_version');
  });
});
