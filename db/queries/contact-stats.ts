// Not marked 'server-only': the purge ends idle chats from the command line, and ending one counts it.
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  chatCategories,
  chatConversations,
  contactCategories,
  dailyChatWaits,
  dailyContactCategories,
  dailyContacts,
  dailyHoldEvents,
  DAILY_CONTACT_SHARDS,
  inquiries,
  inquiryCategories,
  type CategoryKind,
  type ContactCategory,
  type ContactChannel,
} from '@/db/schema';
import { osloIsoDate } from '@/lib/dates';

/**
 * Reasons for contact and outcomes, and the daily numbers they become. While a contact exists
 * its categories sit beside it (inquiry_categories, chat_categories) and go with it. When it
 * ends, they are added to daily totals (daily_contacts, daily_contact_categories) that hold a
 * day, a channel, a category and a number, and nothing that points back at the contact: those
 * numbers outlive the purge. Reopening an inquiry takes its numbers back off its closing day; a
 * category changed after the end moves them; so each ended contact counts exactly once.
 */

/** What differs between an inquiry and a chat, for the counting below. */
const channels = {
  henvendelse: { links: inquiryCategories, linkId: inquiryCategories.inquiryId, contacts: inquiries, id: inquiries.id, endedAt: inquiries.closedAt },
  chat: { links: chatCategories, linkId: chatCategories.conversationId, contacts: chatConversations, id: chatConversations.id, endedAt: chatConversations.endedAt },
} as const;

export async function listCategories(db: Database, { withRetired = false }: { withRetired?: boolean } = {}): Promise<ContactCategory[]> {
  return db
    .select()
    .from(contactCategories)
    .where(withRetired ? undefined : isNull(contactCategories.retiredAt))
    .orderBy(asc(contactCategories.kind), asc(contactCategories.sort), asc(contactCategories.id));
}

/** The category ids set on a contact. */
export async function categoriesOf(db: Database, { channel, id }: { channel: ContactChannel; id: string }): Promise<number[]> {
  const c = channels[channel];
  const rows = await db.select({ id: c.links.categoryId }).from(c.links).where(eq(c.linkId, id));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * The row of a day's numbers a write adds to: any of them, at random, so concurrent contacts
 * seldom wait on each other's row lock (see dailyContacts). Readers sum the rows.
 */
const anyShard = () => randomInt(DAILY_CONTACT_SHARDS);

/** A form for the form started, a chat opened: counted on its day. */
export async function countStarted(db: Database, { channel, now }: { channel: ContactChannel; now: Date }): Promise<void> {
  await db
    .insert(dailyContacts)
    .values({ day: osloIsoDate(now), channel, shard: anyShard(), started: 1, ended: 0 })
    .onConflictDoUpdate({ target: [dailyContacts.day, dailyContacts.channel, dailyContacts.shard], set: { started: sql`${dailyContacts.started} + 1` } });
}

/**
 * Adds (or with `sign` -1 takes back) ended contacts to the totals of the day each ended, with
 * each of their categories. Call it in the transaction that ends (or reopens) them, while the
 * end time is set.
 */
export async function countEnded(db: Database, { channel, ids, sign = 1 }: { channel: ContactChannel; ids: readonly string[]; sign?: 1 | -1 }): Promise<void> {
  if (ids.length === 0) return;
  const c = channels[channel];
  const ended = and(inArray(c.id, [...ids]), sql`${c.endedAt} is not null`);
  const day = sql`(${c.endedAt} at time zone 'Europe/Oslo')::date`;
  const perDay = sql`select ${day} as day, count(*)::int as n from ${c.contacts} where ${ended} group by 1`;
  const perCategory = sql`select ${day} as day, ${c.links.categoryId} as category_id, count(*)::int as n
    from ${c.links} join ${c.contacts} on ${c.id} = ${c.linkId} where ${ended} group by 1, 2`;

  if (sign === 1) {
    await db.execute(sql`
      insert into ${dailyContacts} (day, channel, shard, started, ended)
      select s.day, ${channel}, ${anyShard()}, 0, s.n from (${perDay}) s
      on conflict (day, channel, shard) do update set ended = ${dailyContacts}.ended + excluded.ended`);
    await db.execute(sql`
      insert into ${dailyContactCategories} (day, channel, category_id, contacts)
      select s.day, ${channel}, s.category_id, s.n from (${perCategory}) s
      on conflict (day, channel, category_id) do update set contacts = ${dailyContactCategories}.contacts + excluded.contacts`);
    return;
  }
  // Taken back from one row of the day, the one holding the most ended contacts: the day's
  // total is what counts, and each row stays at zero or more. Reopening takes back one
  // contact at a time, which that row always holds.
  await db.execute(sql`
    update ${dailyContacts} set ended = ${dailyContacts}.ended - s.n
    from (${perDay}) s
    where ${dailyContacts}.day = s.day and ${dailyContacts}.channel = ${channel}
      and ${dailyContacts}.shard = (
        select d.shard from ${dailyContacts} d where d.day = s.day and d.channel = ${channel}
        order by d.ended desc, d.shard limit 1)`);
  await db.execute(sql`
    update ${dailyContactCategories} set contacts = ${dailyContactCategories}.contacts - s.n
    from (${perCategory}) s
    where ${dailyContactCategories}.day = s.day and ${dailyContactCategories}.channel = ${channel}
      and ${dailyContactCategories}.category_id = s.category_id`);
}

export type CategoryChoice = { reasons: readonly number[]; outcomes: readonly number[] };

/**
 * Sets a contact's categories. Only categories in use may be added; a retired one already set
 * may stay. If the contact has ended, its day's totals move with the change. Returns false when
 * a category is unknown, retired or of the wrong kind.
 */
export async function setCategories(
  db: Database,
  { channel, id, choice }: { channel: ContactChannel; id: string; choice: CategoryChoice },
): Promise<boolean> {
  const c = channels[channel];
  const before = new Set(await categoriesOf(db, { channel, id }));
  const wanted: { id: number; kind: CategoryKind }[] = [
    ...choice.reasons.map((n) => ({ id: n, kind: 'reason' as const })),
    ...choice.outcomes.map((n) => ({ id: n, kind: 'outcome' as const })),
  ];
  if (wanted.length > 0) {
    const known = await db
      .select({ id: contactCategories.id, kind: contactCategories.kind, retired: sql<boolean>`${contactCategories.retiredAt} is not null`.mapWith(Boolean) })
      .from(contactCategories)
      .where(inArray(contactCategories.id, wanted.map((w) => w.id)));
    const byId = new Map(known.map((k) => [k.id, k]));
    for (const w of wanted) {
      const k = byId.get(w.id);
      if (!k || k.kind !== w.kind || (k.retired && !before.has(w.id))) return false;
    }
  }
  const after = new Set(wanted.map((w) => w.id));
  const added = [...after].filter((n) => !before.has(n));
  const removed = [...before].filter((n) => !after.has(n));
  if (added.length === 0 && removed.length === 0) return true;

  const [row] = await db.select({ endedAt: c.endedAt }).from(c.contacts).where(eq(c.id, id)).for('update');
  if (!row) return false;
  if (removed.length > 0) await db.delete(c.links).where(and(eq(c.linkId, id), inArray(c.links.categoryId, removed)));
  if (added.length > 0) {
    const rows = added.map((categoryId) => (channel === 'chat' ? { conversationId: id, categoryId } : { inquiryId: id, categoryId }));
    await db.insert(c.links).values(rows as never).onConflictDoNothing();
  }
  if (row.endedAt) {
    const day = osloIsoDate(row.endedAt);
    if (added.length > 0) {
      await db
        .insert(dailyContactCategories)
        .values(added.map((categoryId) => ({ day, channel, categoryId, contacts: 1 })))
        .onConflictDoUpdate({
          target: [dailyContactCategories.day, dailyContactCategories.channel, dailyContactCategories.categoryId],
          set: { contacts: sql`${dailyContactCategories.contacts} + 1` },
        });
    }
    if (removed.length > 0) {
      await db
        .update(dailyContactCategories)
        .set({ contacts: sql`${dailyContactCategories.contacts} - 1` })
        .where(and(eq(dailyContactCategories.day, day), eq(dailyContactCategories.channel, channel), inArray(dailyContactCategories.categoryId, removed)));
    }
  }
  return true;
}

/** One chat's wait for a host, as its band, on the day it started. */
export async function countChatWait(db: Database, { startedAt, band }: { startedAt: Date; band: number }): Promise<void> {
  await db
    .insert(dailyChatWaits)
    .values({ day: osloIsoDate(startedAt), bucket: band, chats: 1 })
    .onConflictDoUpdate({ target: [dailyChatWaits.day, dailyChatWaits.bucket], set: { chats: sql`${dailyChatWaits.chats} + 1` } });
}

/** Legal holds placed or ended (released or handed over), on their day. */
export async function countHoldEvent(db: Database, { event, now, holds = 1 }: { event: 'placed' | 'ended'; now: Date; holds?: number }): Promise<void> {
  if (holds <= 0) return;
  await db
    .insert(dailyHoldEvents)
    .values({ day: osloIsoDate(now), event, holds })
    .onConflictDoUpdate({ target: [dailyHoldEvents.day, dailyHoldEvents.event], set: { holds: sql`${dailyHoldEvents.holds} + excluded.holds` } });
}

type CategoryOption = { id: number; label: string; checked: boolean; retired: boolean };
export type CategoryOptions = { reasons: CategoryOption[]; outcomes: CategoryOption[] };

/** The choices to show for a contact: every category in use, and a retired one only where it is set. */
export async function categoryOptionsFor(db: Database, { channel, id }: { channel: ContactChannel; id: string }): Promise<CategoryOptions> {
  const [all, set] = [await listCategories(db, { withRetired: true }), new Set(await categoriesOf(db, { channel, id }))];
  const options = all
    .filter((c) => !c.retiredAt || set.has(c.id))
    .map((c) => ({ id: c.id, label: c.label, checked: set.has(c.id), retired: c.retiredAt !== null, kind: c.kind }));
  const of = (kind: CategoryKind) => options.filter((o) => o.kind === kind).map((o) => ({ id: o.id, label: o.label, checked: o.checked, retired: o.retired }));
  return { reasons: of('reason'), outcomes: of('outcome') };
}

/** A new category at the end of its list; undefined when one of that kind already has the name. */
export async function addCategory(db: Database, { kind, label }: { kind: CategoryKind; label: string }): Promise<{ id: number } | undefined> {
  const [last] = await db
    .select({ sort: sql<number>`coalesce(max(${contactCategories.sort}), 0)::int` })
    .from(contactCategories)
    .where(eq(contactCategories.kind, kind));
  const rows = await db
    .insert(contactCategories)
    .values({ kind, label, sort: (last?.sort ?? 0) + 10 })
    .onConflictDoNothing()
    .returning({ id: contactCategories.id });
  return rows[0];
}

/** 'taken' when another of its kind has the name, false when there is no such category. */
export async function renameCategory(db: Database, { id, label }: { id: number; label: string }): Promise<boolean | 'taken'> {
  const [row] = await db.select({ kind: contactCategories.kind }).from(contactCategories).where(eq(contactCategories.id, id));
  if (!row) return false;
  const [clash] = await db
    .select({ id: contactCategories.id })
    .from(contactCategories)
    .where(and(eq(contactCategories.kind, row.kind), sql`lower(${contactCategories.label}) = lower(${label})`, sql`${contactCategories.id} <> ${id}`));
  if (clash) return 'taken';
  await db.update(contactCategories).set({ label }).where(eq(contactCategories.id, id));
  return true;
}

/** Out of use (kept for the numbers already counted), or back in use. */
export async function setCategoryRetired(db: Database, { id, retired, now }: { id: number; retired: boolean; now: Date }): Promise<boolean> {
  const rows = await db
    .update(contactCategories)
    .set({ retiredAt: retired ? now : null })
    .where(eq(contactCategories.id, id))
    .returning({ id: contactCategories.id });
  return rows.length > 0;
}

/** Swaps a category with its neighbour above or below in its list; false at the end of the list. */
export async function moveCategory(db: Database, { id, direction }: { id: number; direction: 'up' | 'down' }): Promise<boolean> {
  const [row] = await db.select().from(contactCategories).where(eq(contactCategories.id, id)).for('update');
  if (!row) return false;
  const list = (await listCategories(db, { withRetired: true })).filter((c) => c.kind === row.kind);
  const at = list.findIndex((c) => c.id === id);
  const other = list[direction === 'up' ? at - 1 : at + 1];
  if (!other) return false;
  // Renumber the whole list so equal sort values can never make a swap a no-op.
  const order = list.map((c) => c.id);
  [order[at], order[list.indexOf(other)]] = [other.id, id];
  for (const [i, cid] of order.entries()) await db.update(contactCategories).set({ sort: (i + 1) * 10 }).where(eq(contactCategories.id, cid));
  return true;
}
