import { TZDate } from '@date-fns/tz';
import { OSLO } from '@/lib/dates';

/**
 * Calendar months on Oslo's clock: closed 30 November at 14:05 → 28 February at 14:05 (the
 * month is shorter, so its last day), across summer time at the same wall-clock time.
 */
export function addOsloMonths(d: Date, months: number): Date {
  const t = new TZDate(d.getTime(), OSLO);
  const day = t.getDate();
  const lastDay = new TZDate(t.getFullYear(), t.getMonth() + months + 1, 0, OSLO).getDate();
  const r = new TZDate(t.getFullYear(), t.getMonth() + months, Math.min(day, lastDay), t.getHours(), t.getMinutes(), t.getSeconds(), t.getMilliseconds(), OSLO);
  return new Date(r.getTime());
}

/** An inquiry is deleted three months after the contact ended. */
export const INQUIRY_RETENTION_MONTHS = 3;

export function inquiryDeleteAfter(closedAt: Date): Date {
  return addOsloMonths(closedAt, INQUIRY_RETENTION_MONTHS);
}
