import { formatDateTime } from '@/lib/dates';

/** A moment as Norwegians write it (Oslo time), machine-readable in the datetime attribute. */
export function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>;
}
