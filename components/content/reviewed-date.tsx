import { TZDate } from '@date-fns/tz';
import { OSLO, formatDate } from '@/lib/dates';

/**
 * "Sist gjennomgått 23. november 2026". The YYYY-MM-DD is read as noon in Oslo: midnight UTC
 * or midnight local would land on the day before in one of the two time zones.
 */
export function ReviewedDate({ reviewed }: { reviewed: string }) {
  const [year, month, day] = reviewed.split('-').map(Number) as [number, number, number];
  const noon = new Date(new TZDate(year, month - 1, day, 12, 0, 0, OSLO).getTime());
  return (
    <p className="mt-4 text-sm">
      Sist gjennomgått <time dateTime={reviewed}>{formatDate(noon)}</time>
    </p>
  );
}
