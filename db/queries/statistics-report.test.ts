import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { statisticsRows } from '@/db/queries/statistics-report';
import { contactCategories, dailyChatCoverage, dailyChatWaits, dailyContactCategories, dailyContacts, dailyPageViews, dailyVisits } from '@/db/schema';
import { databaseTargets } from '@/test/database-targets';

// Around the end of March 2026: Sunday the 29th (summer time starts) ends ISO week 13, Monday
// the 30th starts week 14, and the 31st and 1 April fall in two months of the same week.
const range = { from: '2026-03-29', to: '2026-04-01' };

describe.each(databaseTargets())('the statistics report on $name', (target) => {
  beforeAll(target.open, 180_000);
  afterAll(target.close);

  it('sums the daily totals per day, week and month within the range, and nothing outside it', async () => {
    const db = await getDb();
    await db.insert(dailyVisits).values([
      { day: '2026-03-28', site: 'voksen', visits: 100 },
      { day: '2026-03-29', site: 'voksen', visits: 7 },
      { day: '2026-03-29', site: 'unge', visits: 2 },
      { day: '2026-04-01', site: 'voksen', visits: 5 },
      { day: '2026-04-02', site: 'unge', visits: 100 },
    ]);
    await db.insert(dailyPageViews).values([
      { day: '2026-03-29', path: '/', views: 3 },
      { day: '2026-04-01', path: '/', views: 4 },
      { day: '2026-03-30', path: '/kontakt', views: 6 },
      { day: '2026-04-02', path: '/kontakt', views: 50 },
      ...Array.from({ length: 25 }, (_, i) => ({ day: '2026-03-31', path: `/side-${String(i).padStart(2, '0')}`, views: 1 })),
    ]);
    await db.insert(dailyContacts).values([
      { day: '2026-03-22', channel: 'chat' as const, started: 100, ended: 0 },
      { day: '2026-03-29', channel: 'henvendelse' as const, started: 2, ended: 0 },
      { day: '2026-03-29', channel: 'chat' as const, started: 3, ended: 1 },
      { day: '2026-03-30', channel: 'chat' as const, started: 4, ended: 0 },
      { day: '2026-03-31', channel: 'chat' as const, started: 5, ended: 0 },
      { day: '2026-04-01', channel: 'chat' as const, started: 6, ended: 0 },
      { day: '2026-04-01', channel: 'henvendelse' as const, started: 1, ended: 0 },
    ]);
    await db.insert(dailyChatWaits).values([
      { day: '2026-03-30', bucket: 0, chats: 2 },
      { day: '2026-03-31', bucket: 0, chats: 3 },
      { day: '2026-03-31', bucket: 8, chats: 1 },
      { day: '2026-04-01', bucket: 2, chats: 4 },
      { day: '2026-04-02', bucket: 2, chats: 100 },
    ]);
    await db.insert(dailyChatCoverage).values([
      { day: '2026-03-28', openMinutes: 480, staffedMinutes: 480 },
      { day: '2026-03-30', openMinutes: 480, staffedMinutes: 300 },
      { day: '2026-03-31', openMinutes: 480, staffedMinutes: 420 },
      { day: '2026-04-01', openMinutes: 480, staffedMinutes: 0 },
      { day: '2026-04-02', openMinutes: 480, staffedMinutes: 480 },
    ]);

    const rows = await statisticsRows(db, range);
    expect(rows.visits).toEqual([
      { day: '2026-03-29', site: 'unge', visits: 2 },
      { day: '2026-03-29', site: 'voksen', visits: 7 },
      { day: '2026-04-01', site: 'voksen', visits: 5 },
    ]);
    expect(rows.pages.slice(0, 3)).toEqual([
      { path: '/', views: 7 },
      { path: '/kontakt', views: 6 },
      { path: '/side-00', views: 1 },
    ]);
    expect(rows.pages).toHaveLength(20);
    expect(rows.startedPerWeek).toEqual([
      { week: '2026-03-23', channel: 'chat', started: 3 },
      { week: '2026-03-23', channel: 'henvendelse', started: 2 },
      { week: '2026-03-30', channel: 'chat', started: 15 },
      { week: '2026-03-30', channel: 'henvendelse', started: 1 },
    ]);
    expect(rows.chatsStartedPerMonth).toEqual([
      { month: '2026-03', started: 12 },
      { month: '2026-04', started: 6 },
    ]);
    expect(rows.waitsPerMonth).toEqual([
      { month: '2026-03', bucket: 0, chats: 5 },
      { month: '2026-03', bucket: 8, chats: 1 },
      { month: '2026-04', bucket: 2, chats: 4 },
    ]);
    expect(rows.coveragePerMonth).toEqual([
      { month: '2026-03', openMinutes: 960, staffedMinutes: 720 },
      { month: '2026-04', openMinutes: 480, staffedMinutes: 0 },
    ]);
  });

  it('sums categories per month over both channels, and a retired category keeps its label', async () => {
    const db = await getDb();
    const [old, unused] = await db
      .insert(contactCategories)
      .values([
        { kind: 'reason', label: 'Gammel årsak', sort: 10_000, retiredAt: new Date('2026-02-01T12:00:00Z') },
        { kind: 'reason', label: 'Aldri brukt', sort: 10_001, retiredAt: new Date('2026-02-01T12:00:00Z') },
      ])
      .returning({ id: contactCategories.id });
    const all = await db.select({ id: contactCategories.id, label: contactCategories.label }).from(contactCategories);
    const id = (label: string) => all.find((c) => c.label === label)!.id;
    await db.insert(dailyContactCategories).values([
      { day: '2026-03-31', channel: 'henvendelse' as const, categoryId: id('Rus'), contacts: 2 },
      { day: '2026-03-31', channel: 'chat' as const, categoryId: id('Rus'), contacts: 3 },
      { day: '2026-04-01', channel: 'chat' as const, categoryId: id('Rus'), contacts: 1 },
      { day: '2026-03-30', channel: 'henvendelse' as const, categoryId: old!.id, contacts: 4 },
      { day: '2026-04-02', channel: 'henvendelse' as const, categoryId: unused!.id, contacts: 9 },
      { day: '2026-04-01', channel: 'chat' as const, categoryId: id('Henvist videre'), contacts: 0 },
    ]);

    const rows = await statisticsRows(db, range);
    expect(rows.categoriesPerMonth).toEqual(
      [
        { month: '2026-03', categoryId: id('Rus'), contacts: 5 },
        { month: '2026-03', categoryId: old!.id, contacts: 4 },
        { month: '2026-04', categoryId: id('Henvist videre'), contacts: 0 },
        { month: '2026-04', categoryId: id('Rus'), contacts: 1 },
      ].sort((a, b) => a.month.localeCompare(b.month) || a.categoryId - b.categoryId),
    );
    const reasons = rows.categories.filter((c) => c.kind === 'reason');
    // Every category in use, in order, then the retired one with numbers in the range; not the one without.
    expect(reasons.at(-1)).toEqual({ id: old!.id, kind: 'reason', label: 'Gammel årsak', retired: true });
    expect(reasons.filter((c) => c.retired)).toHaveLength(1);
    expect(reasons.slice(0, 2).map((c) => c.label)).toEqual(['Psykisk helse', 'Rus']);
    expect(rows.categories.filter((c) => c.kind === 'outcome').map((c) => c.label)).toEqual(['Veiledning gitt', 'Henvist videre', 'Bekymringsmelding', 'Journal opprettet']);
  });
});
