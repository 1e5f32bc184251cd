import { osloIsoDate, osloStartOfDay } from '@/lib/dates';
import { MIN_NOTICE_DAYS } from '@/lib/privacy/rules';

/**
 * The day a new privacy statement takes effect, as the date field sends it. A version takes
 * effect at the start of that day in Oslo. Pure, so the page, the action and tests agree.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// Browsers without a date picker send what was typed; Norwegians write 15.12.2026.
const NORWEGIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Adds whole calendar days to a yyyy-mm-dd date, without time zones getting in the way. */
function plusDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The first day a version published at `now` may take effect (yyyy-mm-dd): 14 Oslo calendar
 * days on, and after the newest version already published.
 */
export function earliestEffectiveDate(now: Date, latestTakesEffectAt?: Date): string {
  const byNotice = plusDays(osloIsoDate(now), MIN_NOTICE_DAYS);
  if (!latestTakesEffectAt) return byNotice;
  const afterLatest = plusDays(osloIsoDate(latestTakesEffectAt), 1);
  return afterLatest > byNotice ? afterLatest : byNotice;
}

/** The start of the given Oslo day, or undefined when the text is not a real date. */
export function parseEffectiveDate(value: string): Date | undefined {
  const text = value.trim();
  const iso = ISO.exec(text);
  const nb = iso ? undefined : NORWEGIAN.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : nb ? [nb[3], nb[2], nb[1]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 2000 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return osloStartOfDay(year, month, day);
}
