import { formatDate } from '@/lib/dates';

const time = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', weekday: 'long' });

/** "450 kr" or "Gratis", as a course's price reads on its page. */
export function priceText(priceNok: number): string {
  return priceNok === 0 ? 'Gratis' : `${priceNok.toLocaleString('nb-NO')} kr`;
}

/** "Torsdag 7. januar 2027, kl. 18:00–20:00", in Oslo time. */
export function sessionTime({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }): string {
  const day = weekday.format(startsAt);
  return `${day.charAt(0).toUpperCase()}${day.slice(1)} ${formatDate(startsAt)}, kl. ${time.format(startsAt)}–${time.format(endsAt)}`;
}

/** What a session's seats say on the page. */
export function seatsText({ seatsLeft, open }: { seatsLeft: number; open: boolean }): string {
  if (!open) return 'Påmeldingen er stengt.';
  if (seatsLeft === 0) return 'Fullt. Du kan melde deg på ventelisten.';
  return seatsLeft === 1 ? '1 ledig plass.' : `${seatsLeft} ledige plasser.`;
}
