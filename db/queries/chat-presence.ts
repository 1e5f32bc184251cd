// Not marked 'server-only': db/queries/chat-host.ts, which the purge and the bench run from the command line, imports it.
// Chat hosts' availability: present while their console's stream is open, on pause or not, and
// how many chats each takes at once. The queue is pulled, not pushed: a host takes a chat, and
// these rules say when they may.
import { and, asc, eq, gte, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { chatConversations, chatHostPresence, dailyChatWaits, staff, type HostPresenceStatus } from '@/db/schema';
import { osloIsoDate } from '@/lib/dates';
import { CHAT_WAIT_BANDS, quantileBand } from '@/lib/stats/chat-waits';

/** A host whose console has not been seen for this long is not counted as present. */
export const PRESENCE_MS = 45_000;
const DEFAULT_MAX_CHATS = 3;

export type HostPresence = { status: HostPresenceStatus; maxChats: number; openChats: number };


/** Marks these hosts' consoles as seen now (their stream is open); a host seen for the first time is available. */
export async function touchPresence(db: Database, { staffIds, now }: { staffIds: readonly string[]; now: Date }): Promise<void> {
  if (staffIds.length === 0) return;
  await db
    .insert(chatHostPresence)
    .values([...new Set(staffIds)].map((staffId) => ({ staffId, seenAt: now })))
    .onConflictDoUpdate({ target: chatHostPresence.staffId, set: { seenAt: now } });
}

/** A host sets themselves available or on pause, and their limit of chats at once. */
export async function setPresence(
  db: Database,
  { staffId, status, maxChats, now }: { staffId: string; status: HostPresenceStatus; maxChats: number; now: Date },
): Promise<void> {
  await db
    .insert(chatHostPresence)
    .values({ staffId, status, maxChats, seenAt: now })
    .onConflictDoUpdate({ target: chatHostPresence.staffId, set: { status, maxChats, seenAt: now } });
}

/** A host's setting and how many chats they hold now; a host who never set one is available, with the default limit. */
export async function presenceOf(db: Database, { staffId }: { staffId: string }): Promise<HostPresence> {
  const [row] = await db
    .select({ status: chatHostPresence.status, maxChats: chatHostPresence.maxChats })
    .from(chatHostPresence)
    .where(eq(chatHostPresence.staffId, staffId));
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(chatConversations)
    .where(and(eq(chatConversations.hostId, staffId), eq(chatConversations.status, 'aktiv')));
  return { status: row?.status ?? 'tilgjengelig', maxChats: row?.maxChats ?? DEFAULT_MAX_CHATS, openChats: open?.n ?? 0 };
}

/** Why this host may not take one more chat now, or undefined when they may. */
export function whyNotTake(presence: HostPresence): 'pause' | 'full' | undefined {
  if (presence.status === 'pause') return 'pause';
  return presence.openChats >= presence.maxChats ? 'full' : undefined;
}

export type FreeHost = { id: string; name: string };

/**
 * Hosts who could take one more chat now: an active chat host or admin whose console was seen
 * lately, not on pause and below their limit. `except` leaves one out (the caller), `only`
 * asks about one. The one rule for the visitor's "anyone free?" and for a handover's target.
 */
export async function freeHosts(db: Database, { now, except, only }: { now: Date; except?: string; only?: string }): Promise<FreeHost[]> {
  const seenSince = new Date(now.getTime() - PRESENCE_MS);
  return db
    .select({ id: staff.id, name: staff.name })
    .from(chatHostPresence)
    .innerJoin(staff, eq(staff.id, chatHostPresence.staffId))
    .where(
      and(
        except ? ne(staff.id, except) : undefined,
        only ? eq(staff.id, only) : undefined,
        isNull(staff.disabledAt),
        inArray(staff.role, ['chat_host', 'admin']),
        eq(chatHostPresence.status, 'tilgjengelig'),
        gt(chatHostPresence.seenAt, seenSince),
        sql`chat_host_presence.max_chats > (select count(*) from chat_conversations c where c.host_id = chat_host_presence.staff_id and c.status = 'aktiv')`,
      ),
    )
    .orderBy(asc(staff.name));
}

/** How many hosts could take a new chat now. */
export async function hostsFree(db: Database, { now }: { now: Date }): Promise<number> {
  return (await freeHosts(db, { now })).length;
}

/** The waits an estimate rests on: the last two weeks, and at least this many answered chats. */
const ESTIMATE_DAYS = 14;
const ESTIMATE_MIN_CHATS = 5;

/**
 * What a waiting visitor is told about the wait: the upper end of the band that holds the median
 * of the last two weeks' answered chats, in whole minutes (so "under 30 seconds" says one
 * minute). Undefined when too few chats were answered to say, or when the median wait was over
 * half an hour: then no number is promised at all.
 */
export async function usualWaitMinutes(db: Database, { now }: { now: Date }): Promise<number | undefined> {
  const since = osloIsoDate(new Date(now.getTime() - ESTIMATE_DAYS * 86_400_000));
  const rows = await db
    .select({ bucket: dailyChatWaits.bucket, chats: sql<number>`sum(${dailyChatWaits.chats})::int` })
    .from(dailyChatWaits)
    .where(gte(dailyChatWaits.day, since))
    .groupBy(dailyChatWaits.bucket);
  const counts = CHAT_WAIT_BANDS.map((_, band) => rows.find((r) => r.bucket === band)?.chats ?? 0);
  if (counts.reduce((a, b) => a + b, 0) < ESTIMATE_MIN_CHATS) return undefined;
  const band = quantileBand(counts, 0.5);
  const upTo = band === undefined ? Infinity : CHAT_WAIT_BANDS[band]!.upToSeconds;
  return Number.isFinite(upTo) ? Math.ceil(upTo / 60) : undefined;
}
