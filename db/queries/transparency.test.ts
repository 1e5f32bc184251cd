import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { CHAT_ON_REQUEST_RULE } from '@/db/queries/chat-deletion';
import { countHoldEvent } from '@/db/queries/contact-stats';
import { closeInquiry, createInquiry } from '@/db/queries/inquiries';
import { markPurgeRun } from '@/db/queries/purge-rules';
import { deletionsByMonth, holdEventsByMonth, purgeRunTimes } from '@/db/queries/transparency';
import { purgeReceipts } from '@/db/schema';
import { runPurge } from '@/lib/jobs/purge';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';

const since = new Date('2026-12-31T23:00:00Z'); // 1 January 2027, midnight in Oslo

async function receipt(rule: string, ranAt: string, deleted: number) {
  await (await getDb()).insert(purgeReceipts).values({ runId: randomUUID(), rule, ranAt: new Date(ranAt), deleted });
}

describe.each(databaseTargets())('transparency numbers on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('has no purge run before the first one', async () => {
    expect(await purgeRunTimes(await getDb())).toBeUndefined();
  });

  it('sums receipts per Oslo month and kind, leaving out rules the page does not show and months before `since`', async () => {
    const db = await getDb();
    await receipt('inquiries_3_months_after_closed', '2027-01-10T12:00:00Z', 2);
    await receipt('inquiries_3_months_after_closed', '2027-01-31T22:30:00Z', 1); // 23:30 on 31 January in Oslo
    await receipt('inquiries_3_months_after_closed', '2027-01-31T23:30:00Z', 4); // already 1 February in Oslo
    await receipt('inquiries_journal_declined_3_months_after_closed', '2027-02-02T10:00:00Z', 2);
    await receipt('inquiries_journal_declined_3_months_after_closed', '2027-02-03T10:00:00Z', 5);
    await receipt('chats_flagged_next_working_day', '2027-02-03T10:00:00Z', 3);
    await receipt('chats_days_after_end', '2027-02-03T10:00:00Z', 6);
    await receipt('chats_flagged_next_working_day_or_days_after_end', '2027-01-05T10:00:00Z', 7);
    await receipt('access_log_after_730_days', '2027-02-03T10:00:00Z', 20);
    await receipt('access_log_after_400_days', '2027-02-04T10:00:00Z', 5);
    await receipt('accessXlogXafterX9', '2027-02-04T10:00:00Z', 99); // not a rule name: the underscores are literal
    await receipt('course_bookings_30_days_after_session', '2027-02-03T10:00:00Z', 11);
    await receipt('course_holds_when_expired', '2027-02-04T10:00:00Z', 2);
    await receipt('course_orders_end_of_fifth_year_after_sale', '2027-01-02T10:00:00Z', 40);
    await receipt('courseXbookingsX9', '2027-02-04T10:00:00Z', 99); // not a rule name either
    await receipt('staff_sessions_when_ended', '2027-02-03T10:00:00Z', 9);
    await receipt('legal_holds_30_days_after_ended', '2027-02-03T10:00:00Z', 1);
    // Chats deleted at once on their visitor's request: not a retention rule, left out on purpose.
    await receipt(CHAT_ON_REQUEST_RULE, '2027-02-03T10:00:00Z', 1);
    await receipt('inquiries_3_months_after_closed', '2026-12-31T22:59:00Z', 8); // 31 December in Oslo: before `since`

    const rows = await deletionsByMonth(db, { since });
    const sorted = [...rows].sort((a, b) => `${a.month}${a.kind}`.localeCompare(`${b.month}${b.kind}`));
    expect(sorted).toEqual([
      { month: '2027-01', kind: 'chatsBeforeSplit', deleted: 7 },
      { month: '2027-01', kind: 'courseOrders', deleted: 40 },
      { month: '2027-01', kind: 'inquiries', deleted: 3 },
      { month: '2027-02', kind: 'accessLog', deleted: 25 },
      { month: '2027-02', kind: 'courseBookings', deleted: 13 },
      { month: '2027-02', kind: 'endedChats', deleted: 6 },
      { month: '2027-02', kind: 'flaggedChats', deleted: 3 },
      { month: '2027-02', kind: 'inquiries', deleted: 4 },
      { month: '2027-02', kind: 'journalDeclinedInquiries', deleted: 7 },
    ]);
    expect(rows[0]?.month, 'newest month first').toBe('2027-02');
  });

  it('counts what a real purge deleted, in the month it ran', async () => {
    const db = await getDb();
    const closedAt = new Date('2027-03-02T09:00:00Z');
    for (const declineJournal of [false, false, false, true, true]) {
      const { id } = await createInquiry(db, { input: inquiryInput({ declineJournal }), privacyVersion: 1, now: closedAt });
      await closeInquiry(db, { id, now: closedAt });
    }
    const ranAt = new Date('2027-06-03T09:00:00Z');
    const summary = await runPurge({ now: ranAt });
    expect(summary.rules.find((r) => r.rule === 'inquiries_3_months_after_closed')?.deleted).toBe(3);
    expect(summary.rules.find((r) => r.rule === 'inquiries_journal_declined_3_months_after_closed')?.deleted).toBe(2);
    const june = (await deletionsByMonth(db, { since })).filter((r) => r.month === '2027-06');
    expect(june.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { month: '2027-06', kind: 'inquiries', deleted: 3 },
      { month: '2027-06', kind: 'journalDeclinedInquiries', deleted: 2 },
    ]);
    expect(await purgeRunTimes(db)).toEqual({ startedAt: ranAt, finishedAt: ranAt });
  });

  it('a purge that started and has not finished shows its start and the last finish', async () => {
    const db = await getDb();
    const started = new Date('2027-06-04T09:00:00Z');
    await markPurgeRun(db, { now: started, finished: false });
    expect(await purgeRunTimes(db)).toEqual({ startedAt: started, finishedAt: new Date('2027-06-03T09:00:00Z') });
  });

  it('sums legal holds placed and ended per month from the daily totals', async () => {
    const db = await getDb();
    await countHoldEvent(db, { event: 'placed', now: new Date('2027-01-31T23:30:00Z') }); // 1 February in Oslo
    await countHoldEvent(db, { event: 'placed', now: new Date('2027-02-10T10:00:00Z'), holds: 2 });
    await countHoldEvent(db, { event: 'ended', now: new Date('2027-03-01T10:00:00Z') });
    await countHoldEvent(db, { event: 'placed', now: new Date('2026-12-30T10:00:00Z') });
    const rows = await holdEventsByMonth(db, { sinceDay: '2027-01-01' });
    expect(rows).toEqual([
      { month: '2027-03', event: 'ended', holds: 1 },
      { month: '2027-02', event: 'placed', holds: 3 },
    ]);
  });
});
