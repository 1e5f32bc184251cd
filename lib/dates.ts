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
