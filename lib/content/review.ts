import { osloIsoDate } from '@/lib/dates';
import type { Content } from './schema';

/** How long a page may go without an editor checking it against its sources. */
const REVIEW_MONTHS = 12;

export type DueForReview = { file: string; reviewed: string };

/**
 * The pages whose "faglig gjennomgått" date is more than `months` months before `today`
 * (Oslo calendar days), oldest first: every article, every band of every children's topic,
 * and the user agreement. A page reviewed exactly `months` months ago is still current.
 */
export function dueForReview(content: Content, today: Date, months = REVIEW_MONTHS): DueForReview[] {
  const cutoff = monthsBefore(osloIsoDate(today), months);
  const pages: DueForReview[] = [
    ...content.articles.map((a) => ({ file: a.file, reviewed: a.reviewed })),
    ...content.youngTopics.flatMap((t) => Object.values(t.variants).map((v) => ({ file: v.file, reviewed: v.reviewed }))),
    { file: content.agreement.file, reviewed: content.agreement.reviewed },
  ];
  return pages
    .filter((p) => p.reviewed < cutoff)
    .sort((a, b) => (a.reviewed < b.reviewed ? -1 : a.reviewed > b.reviewed ? 1 : a.file < b.file ? -1 : 1));
}

/** YYYY-MM-DD `months` calendar months before `day`; the 31st falls back to the month's last day. */
export function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}

/** The warning the build prints: one line a page, or nothing when every page is current. */
export function reviewWarning(due: readonly DueForReview[], months = REVIEW_MONTHS): string | undefined {
  if (due.length === 0) return undefined;
  const head = `Warning: ${due.length} content page${due.length === 1 ? '' : 's'} not reviewed for more than ${months} months (check the facts against the sources, then update "reviewed"):`;
  return [head, ...due.map((p) => `  - ${p.file}: reviewed ${p.reviewed}`)].join('\n');
}
