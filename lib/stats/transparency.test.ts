import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { closeInquiry, createInquiry } from '@/db/queries/inquiries';
import { purgeReceipts } from '@/db/schema';
import { runPurge } from '@/lib/jobs/purge';
import { countText } from '@/lib/stats/suppress';
import { deletionTable, holdTable, lastMonths, monthLabel, purgeHealth, transparencyAt } from '@/lib/stats/transparency';
import { forgetTransparencyNumbers } from '@/lib/stats/transparency-cache';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';

const HOUR = 3_600_000;
const texts = (counts: Parameters<typeof countText>[0][]) => counts.map(countText);

describe('the months shown', () => {
  it('are the last twelve Oslo months, the current one first, across a new year', () => {
    // 31 January 2027 at 23:30 UTC is already 1 February in Oslo.
    const months = lastMonths(new Date('2027-01-31T23:30:00Z'));
    expect(months).toHaveLength(12);
    expect(months.slice(0, 3)).toEqual(['2027-02', '2027-01', '2026-12']);
    expect(months.at(-1)).toBe('2026-03');
    expect(monthLabel('2027-02')).toBe('februar 2027');
  });
});

describe('the tables', () => {
  const months = ['2027-03', '2027-02', '2027-01'];

  it('show a small count as "under 5" and a total over it as "minst"', () => {
    const table = deletionTable(months, [
      { month: '2027-03', kind: 'inquiries', deleted: 3 },
      { month: '2027-02', kind: 'inquiries', deleted: 12 },
      { month: '2027-02', kind: 'accessLog', deleted: 40 },
      { month: '2026-12', kind: 'inquiries', deleted: 100 }, // outside the months shown
    ]);
    expect(table.columns.map((c) => c.header)).toEqual(['Henvendelser', 'Av disse: reservert mot journal', 'Merkede chatter', 'Andre chatter', 'Kurspåmeldinger', 'Kursordrer', 'Oppføringer i tilgangsloggen']);
    expect(table.rows.map((r) => [r.label, ...texts(r.counts)])).toEqual([
      ['mars 2027', 'under 5', '0', '0', '0', '0', '0', '0'],
      ['februar 2027', '12', '0', '0', '0', '0', '0', '40'],
      ['januar 2027', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(texts(table.totals)).toEqual(['minst 13', '0', '0', '0', '0', '0', '40']);
  });

  it('show inquiries where the person declined a journal as a part of all inquiries, hidden together with them, and 0 before the split', () => {
    const table = deletionTable(months, [
      { month: '2027-03', kind: 'inquiries', deleted: 10 },
      { month: '2027-03', kind: 'journalDeclinedInquiries', deleted: 2 },
      { month: '2027-02', kind: 'inquiries', deleted: 8 },
      { month: '2027-02', kind: 'journalDeclinedInquiries', deleted: 6 },
      { month: '2027-01', kind: 'inquiries', deleted: 7 }, // before the split: one rule for all
    ]);
    expect(table.rows.map((r) => [r.label, ...texts(r.counts.slice(0, 2))])).toEqual([
      // "12" beside "under 5" would give the part to anyone who knew the 10 who allowed one.
      ['mars 2027', 'minst 11', 'under 5'],
      ['februar 2027', '14', '6'],
      ['januar 2027', '7', '0'],
    ]);
    expect(texts(table.totals.slice(0, 2))).toEqual(['minst 32', 'minst 7']);
  });

  it('add a column for chats deleted before the rule was split only when there are any', () => {
    const table = deletionTable(months, [{ month: '2027-01', kind: 'chatsBeforeSplit', deleted: 9 }]);
    expect(table.columns.map((c) => c.key)).toContain('chatsBeforeSplit');
    expect(texts(table.rows[2]!.counts)).toEqual(['0', '0', '0', '0', '9', '0', '0', '0']);
  });

  it('count legal holds placed and ended the same way', () => {
    const table = holdTable(months, [
      { month: '2027-03', event: 'placed', holds: 6 },
      { month: '2027-01', event: 'ended', holds: 2 },
    ]);
    expect(table.rows.map((r) => texts(r.counts))).toEqual([['6', '0'], ['0', '0'], ['0', 'under 5']]);
    expect(texts(table.totals)).toEqual(['6', 'under 5']);
  });
});

describe('the purge status', () => {
  const finishedAt = new Date('2027-06-01T10:00:00Z');

  it('is overdue 26 hours after the last finish, and when it never finished', () => {
    expect(purgeHealth({ startedAt: finishedAt, finishedAt }, new Date(finishedAt.getTime() + 26 * HOUR))).toMatchObject({ overdue: false, unfinished: false });
    expect(purgeHealth({ startedAt: finishedAt, finishedAt }, new Date(finishedAt.getTime() + 26 * HOUR + 1))).toMatchObject({ overdue: true });
    expect(purgeHealth({ startedAt: finishedAt, finishedAt: null }, finishedAt)).toMatchObject({ overdue: true, unfinished: true });
    expect(purgeHealth({ startedAt: new Date(finishedAt.getTime() + HOUR), finishedAt }, finishedAt)).toMatchObject({ overdue: false, unfinished: true });
    expect(purgeHealth(undefined, finishedAt)).toBeUndefined();
  });
});

describe.each(databaseTargets())('the numbers kept in memory on $name', (target) => {
  beforeAll(target.open);
  afterAll(async () => {
    forgetTransparencyNumbers();
    await target.close();
  });

  it('are read once, kept for the hour, and read again after a purge in this process', async () => {
    const db = await getDb();
    forgetTransparencyNumbers();
    const closedAt = new Date('2027-03-02T09:00:00Z');
    for (let i = 0; i < 6; i++) {
      const { id } = await createInquiry(db, { input: inquiryInput({ declineJournal: i < 2 }), privacyVersion: 1, now: closedAt });
      await closeInquiry(db, { id, now: closedAt });
    }
    const now = new Date('2027-06-10T09:00:00Z');
    const before = await transparencyAt(now);
    expect(before.purge).toBeUndefined();
    expect(countText(before.deletions.rows[0]!.counts[0]!)).toBe('0');

    // A receipt written behind the cache's back (another instance, say) is not seen yet.
    await db.insert(purgeReceipts).values({ runId: randomUUID(), rule: 'inquiries_3_months_after_closed', ranAt: now, deleted: 50 });
    expect(countText((await transparencyAt(now)).deletions.rows[0]!.counts[0]!)).toBe('0');

    // A purge here is: its own six deletions (two declined a journal) and the fifty, and the
    // time it ran. The two are "under 5", so the 56 beside them reads as what can be added up.
    await runPurge({ now });
    const after = await transparencyAt(now);
    expect(texts(after.deletions.rows[0]!.counts.slice(0, 2))).toEqual(['minst 55', 'under 5']);
    expect(after.purge).toMatchObject({ startedAt: now, finishedAt: now, overdue: false });
    // 27 hours on, the same numbers, but the purge is overdue: that is judged at every request.
    expect((await transparencyAt(new Date(now.getTime() + 27 * HOUR))).purge).toMatchObject({ overdue: true });
  });
});
