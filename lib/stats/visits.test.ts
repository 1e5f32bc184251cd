import { describe, expect, it } from 'vitest';
import type { DailyPageViews, DailyVisits } from '@/db/queries/statistics';
import { visitCounter, type CountWriter } from '@/lib/stats/visits';

type Written = { pageViews: DailyPageViews[]; visits: DailyVisits[] };

function recorder() {
  const writes: Written[] = [];
  let failing = false;
  const write: CountWriter = async (counts) => {
    if (failing) throw new Error('the database is away');
    writes.push(counts);
  };
  return { writes, write, fail: (on: boolean) => (failing = on) };
}

const noon = new Date('2026-12-05T11:00:00Z');

describe('counts added up in memory, written as daily totals', () => {
  it('writes one row per day and key, however many requests there were', async () => {
    const { writes, write } = recorder();
    const counter = visitCounter(write);
    for (let i = 0; i < 3; i++) counter.record({ site: 'voksen', page: '/kontakt', visit: i === 0 }, noon);
    counter.record({ site: 'unge', page: undefined, visit: true }, noon);
    await counter.flush();
    expect(writes).toEqual([
      {
        pageViews: [{ day: '2026-12-05', path: '/kontakt', views: 3 }],
        visits: expect.arrayContaining([
          { day: '2026-12-05', site: 'voksen', visits: 1 },
          { day: '2026-12-05', site: 'unge', visits: 1 },
        ]) as DailyVisits[],
      },
    ]);
    await counter.flush();
    expect(writes, 'nothing new, nothing written').toHaveLength(1);
  });

  it('the day is Oslo’s: half past midnight in Oslo is the next day', async () => {
    const { writes, write } = recorder();
    const counter = visitCounter(write);
    counter.record({ site: 'voksen', page: '/', visit: false }, new Date('2026-12-05T23:30:00Z'));
    await counter.flush();
    expect(writes[0]!.pageViews).toEqual([{ day: '2026-12-06', path: '/', views: 1 }]);
  });

  it('a failed write keeps its counts for the next flush, added to what came meanwhile', async () => {
    const { writes, write, fail } = recorder();
    const counter = visitCounter(write);
    counter.record({ site: 'voksen', page: '/', visit: true }, noon);
    fail(true);
    await counter.flush();
    counter.record({ site: 'voksen', page: '/', visit: false }, noon);
    fail(false);
    await counter.flush();
    expect(writes).toEqual([{ pageViews: [{ day: '2026-12-05', path: '/', views: 2 }], visits: [{ day: '2026-12-05', site: 'voksen', visits: 1 }] }]);
  });

  it('stopping writes what is left (the server stops it on SIGTERM), and flushes on a timer until then', async () => {
    const { writes, write } = recorder();
    const counter = visitCounter(write);
    counter.start(20);
    counter.record({ site: 'voksen', page: '/', visit: false }, noon);
    await expect.poll(() => writes.length, { timeout: 2_000 }).toBe(1);
    counter.record({ site: 'unge', page: undefined, visit: true }, noon);
    await counter.stop();
    expect(writes.at(-1)).toEqual({ pageViews: [], visits: [{ day: '2026-12-05', site: 'unge', visits: 1 }] });
  });

  it('two flushes at once write each count once', async () => {
    const { writes, write } = recorder();
    const counter = visitCounter(write);
    counter.record({ site: 'voksen', page: '/', visit: false }, noon);
    await Promise.all([counter.flush(), counter.flush(), counter.stop()]);
    expect(writes.flatMap((w) => w.pageViews)).toEqual([{ day: '2026-12-05', path: '/', views: 1 }]);
  });
});
