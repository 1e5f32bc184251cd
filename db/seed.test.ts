import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { getUpcomingVersion, getVersionInForce, listPublishedVersions } from '@/db/queries/privacy';
import { seed } from '@/db/seed';
import { databaseTargets } from '@/test/database-targets';

const at = (iso: string) => new Date(iso);

describe.each(databaseTargets({ migrated: false }))('the statements shipped with the code, on $name', (target) => {
  beforeAll(async () => {
    await target.open();
    await migrate();
  });
  afterAll(target.close);

  it('a fresh installation gets every version already published, with the dates its files give', async () => {
    const db = await getDb();
    expect(await seed(db, { now: at('2026-12-10T12:00:00+01:00') })).toEqual({ privacyVersions: 2 });
    const versions = await listPublishedVersions(db, { now: at('2026-12-10T12:00:00+01:00') });
    expect(versions.map((v) => [v.number, v.publishedAt.toISOString(), v.takesEffectAt.toISOString()])).toEqual([
      [2, '2026-12-05T23:00:00.000Z', '2026-12-19T23:00:00.000Z'],
      [1, '2026-10-31T23:00:00.000Z', '2026-11-14T23:00:00.000Z'],
    ]);
    // Readers never see the claim markers of the source.
    const v2 = await getUpcomingVersion(db, { now: at('2026-12-10T12:00:00+01:00') });
    expect(v2?.body).toContain('## Kort fortalt');
    expect(v2?.body).not.toMatch(/<!--|claim:|promise:|forklaring/);
    // Seeding again adds nothing.
    expect(await seed(db, { now: at('2027-01-10T12:00:00+01:00') })).toEqual({ privacyVersions: 0 });
  });
});

describe.each(databaseTargets({ migrated: false }))('an installation from before version 2, on $name', (target) => {
  beforeAll(async () => {
    await target.open();
    await migrate();
  });
  afterAll(target.close);

  it('gets version 2 at its next start, published then and in force 14 days later at the earliest', async () => {
    const db = await getDb();
    expect(await seed(db, { now: at('2026-12-01T09:00:00+01:00') })).toEqual({ privacyVersions: 1 });
    const startedAt = at('2026-12-10T09:00:00+01:00');
    expect(await seed(db, { now: startedAt })).toEqual({ privacyVersions: 1 });
    const upcoming = await getUpcomingVersion(db, { now: startedAt });
    expect(upcoming?.number).toBe(2);
    expect(upcoming?.publishedAt).toEqual(startedAt);
    // Not the 20 December its file names: that would give those who used the site less notice.
    expect(upcoming?.takesEffectAt.toISOString()).toBe('2026-12-23T23:00:00.000Z');
    expect((await getVersionInForce(db, { now: at('2026-12-23T23:59:00+01:00') }))?.number).toBe(1);
    expect((await getVersionInForce(db, { now: at('2026-12-24T00:00:00+01:00') }))?.number).toBe(2);
    expect(await seed(db, { now: at('2027-01-10T12:00:00+01:00') })).toEqual({ privacyVersions: 0 });
  });
});
