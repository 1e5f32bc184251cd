import { describe, expect, it } from 'vitest';
import { osloStartOfDay } from '@/lib/dates';
import { earliestEffectiveDate, parseEffectiveDate } from './effective-date';

describe('earliestEffectiveDate', () => {
  it('is 14 Oslo calendar days on, whatever the hour', () => {
    expect(earliestEffectiveDate(new Date('2026-12-01T08:00:00Z'))).toBe('2026-12-15');
    // 00:30 on 1 December in Oslo is still 30 November in UTC.
    expect(earliestEffectiveDate(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-15');
  });

  it('counts calendar days across the change from summer time', () => {
    // 00:30 on 20 October in Oslo (summer time); 14 days of 24 hours would land on 2 November.
    expect(earliestEffectiveDate(new Date('2027-10-19T22:30:00Z'))).toBe('2027-11-03');
  });

  it('is after the newest version when that takes effect later', () => {
    const latest = osloStartOfDay(2027, 1, 10);
    expect(earliestEffectiveDate(new Date('2026-12-01T08:00:00Z'), latest)).toBe('2027-01-11');
    expect(earliestEffectiveDate(new Date('2026-12-01T08:00:00Z'), osloStartOfDay(2026, 12, 5))).toBe('2026-12-15');
  });
});

describe('parseEffectiveDate', () => {
  it('reads the date field and a date written the Norwegian way as the start of that Oslo day', () => {
    expect(parseEffectiveDate('2026-12-15')).toEqual(osloStartOfDay(2026, 12, 15));
    expect(parseEffectiveDate('2026-12-15')?.toISOString()).toBe('2026-12-14T23:00:00.000Z');
    expect(parseEffectiveDate('15.12.2026')).toEqual(osloStartOfDay(2026, 12, 15));
    expect(parseEffectiveDate(' 1.7.2027 ')?.toISOString()).toBe('2027-06-30T22:00:00.000Z');
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['', '2026-02-30', '2026-13-01', '15/12/2026', 'i morgen', '1999-12-31', '2026-12-15T10:00']) {
      expect(parseEffectiveDate(bad)).toBeUndefined();
    }
  });
});
