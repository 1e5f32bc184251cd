import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { acceptConversation } from '@/db/queries/chat-host';
import { endConversation, endIdleChats, startConversation } from '@/db/queries/chat-visitor';
import { categoriesOf, listCategories, setCategories } from '@/db/queries/contact-stats';
import { markHandedOver, placeHold, releaseHolds } from '@/db/queries/holds';
import { closeInquiry, createInquiry, reopenInquiry } from '@/db/queries/inquiries';
import { dailyChatWaits, dailyContactCategories, dailyContacts, dailyHoldEvents, type ContactChannel } from '@/db/schema';
import { runPurge } from '@/lib/jobs/purge';
import { UNANSWERED_BAND } from '@/lib/stats/chat-waits';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';

const DAY = 86_400_000;
// A winter day, 23:30 in Oslo: the UTC date is the day before the Oslo date.
const lateEvening = new Date('2027-02-09T22:30:00Z');
const osloDay = '2027-02-09';

async function categoryIds() {
  const all = await listCategories(await getDb());
  const byLabel = (label: string) => all.find((c) => c.label === label)!.id;
  return { rus: byLabel('Rus'), demens: byLabel('Demens'), skole: byLabel('Skole'), veiledning: byLabel('Veiledning gitt'), henvist: byLabel('Henvist videre') };
}

async function totals(channel: ContactChannel) {
  const db = await getDb();
  // A day's numbers are spread over a few rows; what counts is their sum.
  const [day] = await db
    .select({ started: sql<number>`coalesce(sum(${dailyContacts.started}), 0)::int`.mapWith(Number), ended: sql<number>`coalesce(sum(${dailyContacts.ended}), 0)::int`.mapWith(Number) })
    .from(dailyContacts)
    .where(eq(dailyContacts.channel, channel));
  const categories = await db
    .select({ categoryId: dailyContactCategories.categoryId, contacts: dailyContactCategories.contacts, day: dailyContactCategories.day })
    .from(dailyContactCategories)
    .where(and(eq(dailyContactCategories.channel, channel), sql`${dailyContactCategories.contacts} > 0`))
    .orderBy(asc(dailyContactCategories.categoryId));
  return { started: day?.started ?? 0, ended: day?.ended ?? 0, categories };
}

async function newInquiry(at: Date) {
  return (await createInquiry(await getDb(), { input: inquiryInput(), privacyVersion: 1, now: at })).id;
}

describe.each(databaseTargets())('reasons for contact on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('starts with the list for relatives and young people, reasons and outcomes apart', async () => {
    const all = await listCategories(await getDb());
    expect(all.filter((c) => c.kind === 'reason').map((c) => c.label)).toEqual([
      'Psykisk helse',
      'Rus',
      'Somatisk sykdom',
      'Demens',
      'Død og sorg',
      'Vold og overgrep',
      'Skole',
      'Arbeid og økonomi',
      'Rettigheter',
      'Egen helse',
      'Annet',
    ]);
    expect(all.filter((c) => c.kind === 'outcome').map((c) => c.label)).toEqual(['Veiledning gitt', 'Henvist videre', 'Bekymringsmelding', 'Journal opprettet']);
  });

  it("an inquiry's categories count once on the Oslo day it closed, survive the purge, and point back at nothing", async () => {
    const db = await getDb();
    const c = await categoryIds();
    const id = await newInquiry(lateEvening);
    const other = await newInquiry(lateEvening);
    expect(await setCategories(db, { channel: 'henvendelse', id, choice: { reasons: [c.rus, c.demens], outcomes: [c.veiledning] } })).toBe(true);
    expect(await setCategories(db, { channel: 'henvendelse', id: other, choice: { reasons: [c.rus], outcomes: [] } })).toBe(true);
    expect((await totals('henvendelse')).started).toBe(2);
    expect((await totals('henvendelse')).categories).toEqual([]);

    await db.transaction((tx) => closeInquiry(tx, { id, now: lateEvening }));
    expect(await totals('henvendelse')).toEqual({
      started: 2,
      ended: 1,
      categories: [
        { categoryId: c.rus, contacts: 1, day: osloDay },
        { categoryId: c.demens, contacts: 1, day: osloDay },
        { categoryId: c.veiledning, contacts: 1, day: osloDay },
      ].sort((a, b) => a.categoryId - b.categoryId),
    });

    // Reopened: the numbers come off again; closed the next day, they land on that day.
    await db.transaction((tx) => reopenInquiry(tx, { id, now: new Date(lateEvening.getTime() + DAY) }));
    expect((await totals('henvendelse')).ended).toBe(0);
    expect((await totals('henvendelse')).categories).toEqual([]);
    const nextDay = new Date(lateEvening.getTime() + DAY);
    await db.transaction((tx) => closeInquiry(tx, { id, now: nextDay }));
    // Changed after the close: the closing day's numbers move with it.
    await db.transaction((tx) => setCategories(tx, { channel: 'henvendelse', id, choice: { reasons: [c.rus, c.skole], outcomes: [c.veiledning] } }));
    const after = await totals('henvendelse');
    expect(after.categories.map((r) => [r.categoryId, r.contacts, r.day])).toEqual(
      [
        [c.rus, 1, '2027-02-10'],
        [c.skole, 1, '2027-02-10'],
        [c.veiledning, 1, '2027-02-10'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );

    const summary = await runPurge({ now: new Date(nextDay.getTime() + 100 * DAY) });
    expect(summary.rules.find((r) => r.rule.startsWith('inquiries'))?.deleted).toBe(1);
    expect(await categoriesOf(db, { channel: 'henvendelse', id })).toEqual([]);
    expect((await totals('henvendelse')).categories).toEqual(after.categories);
    const columns = await db.execute(
      sql`select table_name, column_name from information_schema.columns where table_name in ('daily_contacts', 'daily_contact_categories', 'daily_chat_waits', 'daily_hold_events') order by 1, 2`,
    );
    // Numbers, days, channels and categories (and the shard, 0 to 7, a day's numbers are spread
    // over): no column that could hold an id, a time or a text.
    expect((columns as unknown as { rows: { column_name: string }[] }).rows.map((r) => r.column_name).sort()).toEqual(
      ['bucket', 'category_id', 'channel', 'channel', 'chats', 'contacts', 'day', 'day', 'day', 'day', 'ended', 'event', 'holds', 'shard', 'started'].sort(),
    );
  });

  it('counts every one of many inquiries sent at once, spread over a few rows of the day, and takes back a reopened one exactly', async () => {
    const db = await getDb();
    const at = new Date('2027-03-15T10:00:00Z');
    const day = '2027-03-15';
    const ofDay = async () => {
      const rows = await db.select({ shard: dailyContacts.shard, started: dailyContacts.started, ended: dailyContacts.ended }).from(dailyContacts).where(and(eq(dailyContacts.channel, 'henvendelse'), eq(dailyContacts.day, day)));
      return { rows: rows.length, started: rows.reduce((n, r) => n + r.started, 0), ended: rows.reduce((n, r) => n + r.ended, 0), lowest: Math.min(...rows.map((r) => Math.min(r.started, r.ended))) };
    };
    const ids = await Promise.all(Array.from({ length: 40 }, () => newInquiry(at)));
    expect((await ofDay()).started).toBe(40);
    // Forty writes over eight rows all landing on one would be a broken spread (odds about 1 in 10^35).
    expect((await ofDay()).rows).toBeGreaterThan(1);

    await Promise.all(ids.map((id) => db.transaction((tx) => closeInquiry(tx, { id, now: at }))));
    expect(await ofDay()).toMatchObject({ started: 40, ended: 40 });
    for (const id of ids.slice(0, 25)) await db.transaction((tx) => reopenInquiry(tx, { id, now: at }));
    expect(await ofDay()).toMatchObject({ started: 40, ended: 15 });
    expect((await ofDay()).lowest).toBeGreaterThanOrEqual(0);
  });

  it('refuses an unknown category, one of the wrong kind and a retired one not already set', async () => {
    const db = await getDb();
    const c = await categoryIds();
    const id = await newInquiry(lateEvening);
    expect(await setCategories(db, { channel: 'henvendelse', id, choice: { reasons: [999_999], outcomes: [] } })).toBe(false);
    expect(await setCategories(db, { channel: 'henvendelse', id, choice: { reasons: [c.veiledning], outcomes: [] } })).toBe(false);
    await db.execute(sql`update contact_categories set retired_at = now() where id = ${c.skole}`);
    expect(await setCategories(db, { channel: 'henvendelse', id, choice: { reasons: [c.skole], outcomes: [] } })).toBe(false);
    await db.execute(sql`update contact_categories set retired_at = null where id = ${c.skole}`);
    expect(await categoriesOf(db, { channel: 'henvendelse', id })).toEqual([]);
  });

  it('a chat counts when it starts, its wait band when answered, its categories when it ends; an unanswered one as unanswered', async () => {
    const db = await getDb();
    const c = await categoryIds();
    const before = await totals('chat');
    const start = new Date('2027-03-01T12:00:00Z');
    const answered = await startConversation(db, { tokenHash: 'a'.repeat(64), now: start });
    const unanswered = await startConversation(db, { tokenHash: 'b'.repeat(64), now: start });
    const idle = await startConversation(db, { tokenHash: 'c'.repeat(64), now: start });
    expect((await totals('chat')).started - before.started).toBe(3);
    const host = (await db.execute(sql`insert into staff (id, email, name, role, created_at) values (gen_random_uuid(), 'vert@example.org', 'Vert', 'chat_host', now()) returning id`)) as unknown as {
      rows: { id: string }[];
    };
    expect(await acceptConversation(db, { id: answered.id, hostId: host.rows[0]!.id, now: new Date(start.getTime() + 90_000) })).toBe(true);
    await setCategories(db, { channel: 'chat', id: answered.id, choice: { reasons: [c.skole], outcomes: [c.henvist] } });
    await endConversation(db, { id: answered.id, by: 'vert', now: new Date(start.getTime() + 600_000), retentionDays: 30 });
    await endConversation(db, { id: unanswered.id, by: 'besokende', now: new Date(start.getTime() + 60_000), retentionDays: 30 });
    await endIdleChats(db, { idleSince: new Date(start.getTime() + 1), now: new Date(start.getTime() + 7_200_000), retentionDays: 30 });

    const waits = await db.select({ bucket: dailyChatWaits.bucket, chats: dailyChatWaits.chats }).from(dailyChatWaits).where(eq(dailyChatWaits.day, '2027-03-01')).orderBy(asc(dailyChatWaits.bucket));
    expect(waits).toEqual([
      { bucket: 2, chats: 1 }, // 90 seconds: 1–2 minutes
      { bucket: UNANSWERED_BAND, chats: 2 },
    ]);
    const now = await totals('chat');
    expect(now.ended - before.ended).toBe(3);
    expect(now.categories.filter((r) => r.day === '2027-03-01').map((r) => r.categoryId)).toEqual([c.skole, c.henvist].sort((a, b) => a - b));
    expect(idle.id).toBeTruthy();
  });

  it('counts legal holds placed and ended per day', async () => {
    const db = await getDb();
    const on = new Date('2027-04-01T10:00:00Z');
    const a = await newInquiry(on);
    const b = await newInquiry(on);
    await placeHold(db, { objectType: 'inquiry', objectId: a, reference: 'Sak 1', reason: 'Politiet', placedBy: null, now: on });
    await placeHold(db, { objectType: 'inquiry', objectId: b, reference: 'Sak 2', reason: 'Politiet', placedBy: null, now: on });
    await releaseHolds(db, { objectType: 'inquiry', objectId: a, now: on });
    await markHandedOver(db, { objectType: 'inquiry', objectId: b, now: on });
    await releaseHolds(db, { objectType: 'inquiry', objectId: b, now: on }); // nothing active: counts nothing
    const rows = await db.select({ event: dailyHoldEvents.event, holds: dailyHoldEvents.holds }).from(dailyHoldEvents).where(eq(dailyHoldEvents.day, '2027-04-01')).orderBy(asc(dailyHoldEvents.event));
    expect(rows).toEqual([
      { event: 'ended', holds: 2 },
      { event: 'placed', holds: 2 },
    ]);
  });
});
