import { TZDate } from '@date-fns/tz';
import { OSLO, osloStartOfDay } from '@/lib/dates';

/**
 * Bokføringsloven § 13: the primary documentation of a sale is kept five years after the end
 * of the financial year it belongs to. Our financial year is the calendar year in Oslo, so a
 * sale on any day of 2026 is kept through 31 December 2031 and is due on 1 January 2032.
 */
export const ORDER_RETENTION_YEARS_AFTER_FINANCIAL_YEAR = 5;

export function orderDeleteAfter(soldAt: Date): Date {
  const year = new TZDate(soldAt.getTime(), OSLO).getFullYear();
  return osloStartOfDay(year + ORDER_RETENTION_YEARS_AFTER_FINANCIAL_YEAR + 1, 1, 1);
}
