import { describe, expect, it } from 'vitest';
import { orderDeleteAfter } from './course-orders';

describe('how long a course order is kept', () => {
  it('is due on 1 January of the sixth year after the financial year of the sale, midnight in Oslo @claim:kursordre', () => {
    expect(orderDeleteAfter(new Date('2026-06-15T10:00:00Z')).toISOString()).toBe('2031-12-31T23:00:00.000Z');
    // The first minute of 2027 in Oslo is still 2026 in UTC: the sale belongs to 2027.
    expect(orderDeleteAfter(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2032-12-31T23:00:00.000Z');
    expect(orderDeleteAfter(new Date('2026-12-31T22:59:59Z')).toISOString()).toBe('2031-12-31T23:00:00.000Z');
  });
});
