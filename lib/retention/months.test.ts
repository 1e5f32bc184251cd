import { describe, expect, it } from 'vitest';
import { addOsloMonths, inquiryDeleteAfter } from '@/lib/retention/months';

const oslo = (iso: string) => new Date(iso);

describe('inquiryDeleteAfter', () => {
  it('is three calendar months later, at the same time of day in Oslo', () => {
    // 10:00 in Oslo (winter) → 10:00 in Oslo (summer time) three months on.
    expect(inquiryDeleteAfter(oslo('2027-01-15T09:00:00Z')).toISOString()).toBe('2027-04-15T08:00:00.000Z');
  });

  it('lands on the last day of a shorter month', () => {
    expect(addOsloMonths(oslo('2026-11-30T13:05:00Z'), 3).toISOString()).toBe('2027-02-28T13:05:00.000Z');
  });

  it('crosses the year', () => {
    expect(addOsloMonths(oslo('2026-12-31T22:30:00Z'), 3).toISOString()).toBe('2027-03-31T21:30:00.000Z');
  });
});
