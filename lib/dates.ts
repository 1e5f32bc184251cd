import { TZDate } from '@date-fns/tz';

export const OSLO = 'Europe/Oslo';

const dateFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: OSLO,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const dateTimeFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: OSLO,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "7. desember 2026", as Norwegians write it, in Oslo time. */
export function formatDate(d: Date): string {
  return dateFormat.format(d);
}

export function formatDateTime(d: Date): string {
  return dateTimeFormat.format(d);
}

/** yyyy-mm-dd of the day `d` falls on in Oslo, for datetime attributes. */
export function osloIsoDate(d: Date): string {
  const t = new TZDate(d.getTime(), OSLO);
  const mm = String(t.getMonth() + 1).padStart(2, '0');
  const dd = String(t.getDate()).padStart(2, '0');
  return `${t.getFullYear()}-${mm}-${dd}`;
}

/** Midnight at the start of the given Oslo calendar day, as an instant. */
export function osloStartOfDay(year: number, month: number, day: number): Date {
  return new Date(new TZDate(year, month - 1, day, 0, 0, 0, OSLO).getTime());
}

/**
 * The instant an Oslo wall-clock time names: `date` as yyyy-mm-dd and `time` as hh:mm. Undefined
 * for a day or time that does not exist, including the hour skipped when summer time starts.
 */
export function osloDateTime(date: string, time: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return undefined;
  const at = new TZDate(year, month - 1, day, hour, minute, 0, OSLO);
  // TZDate moves a time that does not exist (31 February, 02:30 on the spring-forward night) on.
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day || at.getHours() !== hour || at.getMinutes() !== minute) return undefined;
  return new Date(at.getTime());
}

/** The Oslo date (yyyy-mm-dd) and time (hh:mm) of an instant, as date and time inputs show them. */
export function osloDateAndTime(d: Date): { date: string; time: string } {
  const t = new TZDate(d.getTime(), OSLO);
  return { date: osloIsoDate(d), time: `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}` };
}
