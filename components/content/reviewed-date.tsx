import { TZDate } from '@date-fns/tz';
import { OSLO, formatDate } from '@/lib/dates';

/** A YYYY-MM-DD read as noon in Oslo: midnight UTC or midnight local would land on the day before in one of the two time zones. */
function dayAtNoon(isoDay: string): Date {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, 12, 0, 0, OSLO).getTime());
}

/** `<time>` showing "1. desember 2026" for a YYYY-MM-DD. */
export function IsoDay({ day }: { day: string }) {
  return <time dateTime={day}>{formatDate(dayAtNoon(day))}</time>;
}

/** "Faglig gjennomgått 1. desember 2026": when an editor last checked the page against its sources. */
export function ReviewedDate({ reviewed, className = 'mt-4 text-sm' }: { reviewed: string; className?: string }) {
  return (
    <p className={className}>
      Faglig gjennomgått <IsoDay day={reviewed} />
    </p>
  );
}
