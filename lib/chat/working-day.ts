import Holidays from 'date-holidays';
import { osloIsoDate, osloStartOfDay } from '@/lib/dates';

/**
 * Working days in Norway, for the retention rule on chats a host has flagged as holding personal
 * data: such a chat is deleted at the end of the next working day after the flag. Days are
 * Oslo calendar days written YYYY-MM-DD; public holidays come from date-holidays (type
 * 'public' only, so Christmas Eve and New Year's Eve, which are bank half-days, count as work).
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(day: string): { year: number; month: number; date: number } {
  const m = ISO_DAY.exec(day);
  const [year, month, date] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (!m || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  }
  return { year, month, date };
}

/** The calendar day `days` after `day`; plain date arithmetic, so no time zone is involved. */
function shiftDay(day: string, days: number): string {
  const { year, month, date } = parseDay(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

let calendar: Holidays | undefined;
const publicByYear = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let days = publicByYear.get(year);
  if (!days) {
    calendar ??= new Holidays('NO');
    // `date` is the local day ("2027-05-17 00:00:00"); two holidays may share one (17 May and Whit Monday).
    days = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    publicByYear.set(year, days);
  }
  return days;
}

/** Monday to Friday and not a Norwegian public holiday. */
export function isWorkingDay(day: string): boolean {
  const { year, month, date } = parseDay(day);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHolidays(year).has(day);
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(day: string): string {
  let next = shiftDay(day, 1);
  // Norway never has more than five days off in a row (Easter), so this ends quickly.
  while (!isWorkingDay(next)) next = shiftDay(next, 1);
  return next;
}

/** The day a flagged chat is deleted at the end of, as YYYY-MM-DD, for showing to the host. */
export function flaggedChatDeletionDay(flaggedAt: Date): string {
  return nextWorkingDay(osloIsoDate(flaggedAt));
}

/** The instant the deletion day ends: midnight in Oslo at the start of the following day. */
export function flaggedChatDeadline(flaggedAt: Date): Date {
  const { year, month, date } = parseDay(shiftDay(flaggedChatDeletionDay(flaggedAt), 1));
  return osloStartOfDay(year, month, date);
}
