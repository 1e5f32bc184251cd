/**
 * Calendar days, ISO weeks and months for the statistics dashboard. Days are Oslo calendar days
 * written 'YYYY-MM-DD' (as the daily tables hold them); the arithmetic here is on the calendar
 * alone (UTC midnight stands in for the day), so no time zone or summer time can move a day.
 */
export type DayRange = { from: string; to: string };

const DAY_MS = 86_400_000;
/** Two years and a day: enough for a year compared with the one before, small enough to draw. */
export const MAX_RANGE_DAYS = 731;
/** The default range: the current week so far and the twelve full weeks before it. */
const DEFAULT_FULL_WEEKS = 12;

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

function addDays(day: string, n: number): string {
  return fromTime(toTime(day) + n * DAY_MS);
}

/** Days from `from` to `to`, both counted. */
export function dayCount({ from, to }: DayRange): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS) + 1;
}

export function daysIn(range: DayRange): string[] {
  return Array.from({ length: dayCount(range) }, (_, i) => addDays(range.from, i));
}

/** The Monday of the ISO week a day falls in. */
function mondayOf(day: string): string {
  const weekday = (new Date(toTime(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** ISO 8601 week number and the year it belongs to (the year of its Thursday). */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toTime(thursday) - toTime(`${year}-01-01`)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

/** The Mondays of every week the range touches; the first and last may be partly outside it. */
export function weeksIn(range: DayRange): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(range.from); monday <= range.to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** 'YYYY-MM' of every month the range touches. */
export function monthsIn({ from, to }: DayRange): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (let month = from.slice(0, 7); month <= last; month = `${y}-${String(m).padStart(2, '0')}`) {
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

export function defaultRange(today: string): DayRange {
  return { from: addDays(mondayOf(today), -7 * DEFAULT_FULL_WEEKS), to: today };
}

const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('nb-NO', { ...options, timeZone: 'UTC' });
const dayFormat = utc({ day: 'numeric', month: 'long', year: 'numeric' });
const shortDayFormat = utc({ day: 'numeric', month: 'short' });
const monthFormat = utc({ month: 'long', year: 'numeric' });

/** "3. mars 2026". */
export const dayLabel = (day: string) => dayFormat.format(toTime(day));
/** "3. mar.", for a chart's axis. */
export const shortDayLabel = (day: string) => shortDayFormat.format(toTime(day));
/** "mars 2026". */
export const monthLabel = (month: string) => monthFormat.format(toTime(`${month}-01`));
/** "Uke 9, 2026". */
export function weekLabel(monday: string): string {
  const { year, week } = isoWeek(monday);
  return `Uke ${week}, ${year}`;
}

/** A day as typed: 'YYYY-MM-DD' (a date field) or 'DD.MM.YYYY' (typed by hand); undefined if it is no real day. */
export function parseDay(typed: string): string | undefined {
  const t = typed.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : norwegian ? [norwegian[3], norwegian[2], norwegian[1]] : [];
  if (!y || !m || !d) return undefined;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return Number.isNaN(toTime(day)) || fromTime(toTime(day)) !== day ? undefined : day;
}

/** A day as the form shows it: 31.01.2026. */
export const typedDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
