import { describe, expect, it } from 'vitest';
import { formatDate, osloDateAndTime, osloDateTime, osloIsoDate, osloStartOfDay } from '@/lib/dates';
import { fixedClock, shiftedClock } from '@/lib/clock';

describe('dates in Europe/Oslo', () => {
  it('formats a date the Norwegian way, on the Oslo calendar day', () => {
    expect(formatDate(new Date('2026-12-14T23:30:00Z'))).toBe('15. desember 2026');
    expect(osloIsoDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('finds midnight in Oslo in winter and in summer', () => {
    expect(osloStartOfDay(2026, 12, 15).toISOString()).toBe('2026-12-14T23:00:00.000Z');
    expect(osloStartOfDay(2027, 6, 7).toISOString()).toBe('2027-06-06T22:00:00.000Z');
  });

  it('reads an Oslo date and time from form inputs, and refuses one that does not exist', () => {
    expect(osloDateTime('2027-01-07', '18:00')?.toISOString()).toBe('2027-01-07T17:00:00.000Z');
    expect(osloDateTime('2027-06-07', '18:00')?.toISOString()).toBe('2027-06-07T16:00:00.000Z');
    expect(osloDateTime('2027-02-31', '18:00')).toBeUndefined();
    expect(osloDateTime('2027-03-28', '02:30')).toBeUndefined();
    expect(osloDateTime('2027-01-07', '24:00')).toBeUndefined();
    expect(osloDateTime('7.1.2027', '18:00')).toBeUndefined();
    expect(osloDateAndTime(new Date('2027-06-07T16:05:00Z'))).toEqual({ date: '2027-06-07', time: '18:05' });
  });
});

describe('clocks', () => {
  it('a shifted clock starts at the given time and then runs', () => {
    const clock = shiftedClock(new Date('2030-01-01T00:00:00Z'), Date.now() - 5_000);
    const elapsed = clock.now().getTime() - Date.parse('2030-01-01T00:00:00Z');
    expect(elapsed).toBeGreaterThanOrEqual(5_000);
    expect(elapsed).toBeLessThan(6_000);
  });

  it('a fixed clock stands still and hands out copies', () => {
    const clock = fixedClock(new Date('2030-01-01T00:00:00Z'));
    clock.now().setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });
});
