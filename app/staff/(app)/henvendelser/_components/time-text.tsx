import { formatDate, formatDateTime } from '@/lib/dates';

/** A date as Norwegians write it (Oslo time), machine-readable in the datetime attribute. */
export function TimeText({ at, withTime = false }: { at: Date; withTime?: boolean }) {
  return <time dateTime={at.toISOString()}>{withTime ? formatDateTime(at) : formatDate(at)}</time>;
}
