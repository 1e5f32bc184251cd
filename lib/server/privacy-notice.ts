import { getDb } from '@/db/client';
import { getUpcomingVersion } from '@/db/queries/privacy';
import { appClock } from '@/lib/clock';
import { formatDate, osloIsoDate } from '@/lib/dates';
import { log } from '@/lib/log';
import { PRIVACY_NOTICE_SLOT_ID } from '@/lib/site';

/**
 * The notice every page shows while a new privacy statement is published but not yet in
 * force. Pages are prerendered, so the server fills the empty slot each page carries. The
 * answer is kept for a few seconds: publishing shows up on every instance within that time.
 * A failed read is never kept: the last answer stands in, and the next read is tried a
 * second later.
 */
const TTL_MS = 10_000;
const RETRY_MS = 1_000;

const emptySlot = `<div id="${PRIVACY_NOTICE_SLOT_ID}"></div>`;

function noticeHtml(takesEffectAt: Date): string {
  return (
    `<section aria-label="Ny personvernerklæring" class="border-y border-notice-border bg-notice">` +
    `<p class="mx-auto max-w-5xl px-4 py-3">Vi har en ny personvernerklæring som gjelder fra ` +
    `<time datetime="${osloIsoDate(takesEffectAt)}">${formatDate(takesEffectAt)}</time>. ` +
    `<a href="/personvern/endringer" class="font-semibold text-brand-dark underline">Se hva som endres</a></p></section>`
  );
}

/** The notice's HTML ('' when there is none), or undefined when it could not be read. */
async function load(): Promise<string | undefined> {
  try {
    const db = await getDb();
    const upcoming = await getUpcomingVersion(db, { now: appClock().now() });
    return upcoming ? noticeHtml(upcoming.takesEffectAt) : '';
  } catch {
    log.warn('privacy_notice.unavailable');
    return undefined;
  }
}

/**
 * A reader that keeps the notice for TTL_MS and shares one read among the requests that ask
 * at once. It answers undefined only while the notice has never been read: a page finished
 * then must not be kept in any cache, since it may lack a notice it should carry.
 */
export function noticeReader(read: () => Promise<string | undefined>, clock: () => number = Date.now) {
  let kept: { at: number; html: string } | undefined;
  let failedAt: number | undefined;
  let pending: Promise<string | undefined> | undefined;

  async function refresh(): Promise<string | undefined> {
    const html = await read();
    if (html === undefined) {
      failedAt = clock();
      return kept?.html;
    }
    failedAt = undefined;
    kept = { at: clock(), html };
    return html;
  }

  return function current(): Promise<string | undefined> {
    const now = clock();
    if (kept && now - kept.at < TTL_MS) return Promise.resolve(kept.html);
    if (failedAt !== undefined && now - failedAt < RETRY_MS) return Promise.resolve(kept?.html);
    pending ??= refresh().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

export const currentNotice = noticeReader(load);

export function insertNotice(html: string, notice: string | undefined): string {
  if (!notice) return html;
  return html.replace(emptySlot, `<div id="${PRIVACY_NOTICE_SLOT_ID}">${notice}</div>`);
}
