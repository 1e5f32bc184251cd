import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { chatCoverageClock, dailyChatCoverage } from '@/db/schema';
import { countCoverage } from '@/lib/chat/coverage';
import { databaseTargets } from '@/test/database-targets';

// The default hours are Monday to Friday 14–22 in Oslo. Monday 7 December 2026, 15:00 in Oslo:
const monday1500 = new Date('2026-12-07T14:00:00Z');
const minutesLater = (n: number, seconds = 1) => new Date(monday1500.getTime() + n * 60_000 + seconds * 1000);

describe.each(databaseTargets())('opening-hours coverage on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);
  beforeEach(async () => {
    const db = await getDb();
    await db.delete(dailyChatCoverage);
    await db.update(chatCoverageClock).set({ lastOpenMinute: null, lastStaffedMinute: null });
  });

  const day = async () => (await getDb()).select().from(dailyChatCoverage);

  it('counts each open minute once across instances, and as staffed when any instance has a host on duty', async () => {
    // Minute 0: an instance with no host ticks first, then one with a host, then the first again.
    await countCoverage(minutesLater(0, 1), false);
    await countCoverage(minutesLater(0, 2), true);
    await countCoverage(minutesLater(0, 3), false);
    // Minute 1: nobody on duty anywhere. Minute 2: two instances with hosts at once.
    await countCoverage(minutesLater(1), false);
    await Promise.all([countCoverage(minutesLater(2), true), countCoverage(minutesLater(2), true), countCoverage(minutesLater(2), false)]);
    expect(await day()).toEqual([{ day: '2026-12-07', openMinutes: 3, staffedMinutes: 2 }]);
  });

  it('writes nothing outside opening hours', async () => {
    expect(await countCoverage(new Date('2026-12-05T12:00:00Z'), true)).toEqual({ open: false, staffed: false }); // a Saturday
    expect(await countCoverage(new Date('2026-12-07T21:30:00Z'), true)).toEqual({ open: false, staffed: false }); // Monday 22:30
    expect(await day()).toEqual([]);
  });

  it('never counts a staffed minute that was not counted as open, so staffed never exceeds open', async () => {
    await countCoverage(minutesLater(5), false);
    // An instance that ticks late, for a minute before the last one counted: nothing.
    expect(await countCoverage(minutesLater(4), true)).toEqual({ open: false, staffed: false });
    expect(await day()).toEqual([{ day: '2026-12-07', openMinutes: 1, staffedMinutes: 0 }]);
  });

  it('keeps two numbers a day and the last minute counted, and no column that could name a host', async () => {
    const db = await getDb();
    const columns = await db.execute(
      sql`select table_name, column_name, data_type from information_schema.columns where table_name in ('daily_chat_coverage', 'chat_coverage_clock') order by 1, 2`,
    );
    expect((columns as unknown as { rows: { table_name: string; column_name: string; data_type: string }[] }).rows.map((r) => `${r.table_name}.${r.column_name} ${r.data_type}`)).toEqual([
      'chat_coverage_clock.id integer',
      'chat_coverage_clock.last_open_minute timestamp with time zone',
      'chat_coverage_clock.last_staffed_minute timestamp with time zone',
      'daily_chat_coverage.day date',
      'daily_chat_coverage.open_minutes integer',
      'daily_chat_coverage.staffed_minutes integer',
    ]);
    expect(await db.select().from(chatCoverageClock)).toHaveLength(1);
  });
});
