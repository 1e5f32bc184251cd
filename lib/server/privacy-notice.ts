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
 */
const TTL_MS = 10_000;
let cached: { at: number; html: string } | undefined;

const emptySlot = `<div id="${PRIVACY_NOTICE_SLOT_ID}"></div>`;

function noticeHtml(takesEffectAt: Date): string {
  return (
    `<section aria-label="Ny personvernerklæring" class="border-y border-notice-border bg-notice">` +
    `<p class="mx-auto max-w-5xl px-4 py-3">Vi har en ny personvernerklæring som gjelder fra ` +
    `<time datetime="${osloIsoDate(takesEffectAt)}">${formatDate(takesEffectAt)}</time>. ` +
    `<a href="/personvern/endringer" class="font-semibold text-brand-dark underline">Se hva som endres</a></p></section>`
  );
}

async function load(): Promise<string> {
  try {
    const db = await getDb();
    const upcoming = await getUpcomingVersion(db, { now: appClock().now() });
    return upcoming ? noticeHtml(upcoming.takesEffectAt) : '';
  } catch {
    log.warn('privacy_notice.unavailable');
    return '';
  }
}

export async function currentNotice(): Promise<string> {
  const now = Date.now();
  if (cached && now - cached.at < TTL_MS) return cached.html;
  const html = await load();
  cached = { at: now, html };
  return html;
}

export function insertNotice(html: string, notice: string): string {
  if (!notice) return html;
  return html.replace(emptySlot, `<div id="${PRIVACY_NOTICE_SLOT_ID}">${notice}</div>`);
}
