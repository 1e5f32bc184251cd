import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { addDailyCounts } from '@/db/queries/statistics';
import { dailyPageViews, dailyVisits } from '@/db/schema';
import { visitCounter } from '@/lib/stats/visits';
import { databaseTargets } from '@/test/database-targets';

const noon = new Date('2026-12-05T11:00:00Z');

describe.each(databaseTargets())('daily totals on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('two instances that flush the same day and page at once add up', async () => {
    const db = await getDb();
    const instances = [visitCounter((c) => addDailyCounts(db, c)), visitCounter((c) => addDailyCounts(db, c))];
    for (const [i, counter] of instances.entries()) {
      for (let n = 0; n < 10 + i; n++) counter.record({ site: 'voksen', page: '/kontakt', visit: n < 3 }, noon);
      counter.record({ site: 'unge', page: undefined, visit: true }, noon);
    }
    await Promise.all(instances.map((c) => c.flush()));
    await Promise.all(instances.map((c) => c.flush()));
    expect(await db.select().from(dailyPageViews)).toEqual([{ day: '2026-12-05', path: '/kontakt', views: 21 }]);
    expect(await db.select().from(dailyVisits).orderBy(asc(dailyVisits.site))).toEqual([
      { day: '2026-12-05', site: 'unge', visits: 2 },
      { day: '2026-12-05', site: 'voksen', visits: 6 },
    ]);
  });

  it('refuses a path with a query, an address or anything but a plain path, and a site it does not know', async () => {
    const db = await getDb();
    for (const path of ['/sok?q=ord', 'http://x.example/', '/kontakt#a', '/Æ', '10.0.0.1']) {
      await expect(addDailyCounts(db, { pageViews: [{ day: '2026-12-05', path, views: 1 }], visits: [] }), path).rejects.toThrow();
    }
    await expect(addDailyCounts(db, { pageViews: [], visits: [{ day: '2026-12-05', site: 'alder-10-13' as 'unge', visits: 1 }] })).rejects.toThrow();
  });
});
