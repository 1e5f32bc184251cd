import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { withAdvisoryLock } from '@/db/locks';
import { migrate, MIGRATION_LOCK } from '@/db/migrate';
import {
  getUpcomingVersion,
  getVersionInForce,
  listPublishedVersions,
  PrivacyScheduleError,
  publishVersion,
} from '@/db/queries/privacy';
import { privacyVersions } from '@/db/schema';
import { osloStartOfDay } from '@/lib/dates';
import { databaseTargets } from '@/test/database-targets';

const now = new Date('2026-12-01T08:00:00Z'); // 09:00 in Oslo
const draft = { title: 'Personvernerklæring', summary: 'Ny versjon.', body: '## Kort fortalt\n\nNy tekst.' };

function constraintOf(err: unknown): string | undefined {
  let e = err as { constraint?: string; cause?: unknown } | undefined;
  while (e) {
    if (e.constraint) return e.constraint;
    e = e.cause as typeof e;
  }
  return undefined;
}

describe.each(databaseTargets())('privacy versions on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('starts with version 1 seeded and in force', async () => {
    const db = await getDb();
    const current = await getVersionInForce(db, { now });
    expect(current?.number).toBe(1);
    expect(current?.body).toContain('## Kort fortalt');
    expect(await getUpcomingVersion(db, { now })).toBeUndefined();
  });

  it('refuses in code a version that takes effect in 13 days', async () => {
    const db = await getDb();
    const attempt = publishVersion(db, { ...draft, takesEffectAt: osloStartOfDay(2026, 12, 14), now });
    await expect(attempt).rejects.toBeInstanceOf(PrivacyScheduleError);
    await expect(attempt).rejects.toMatchObject({ problem: 'notice_too_short' });
    expect((await listPublishedVersions(db, { now })).map((v) => v.number)).toEqual([1]);
  });

  it('refuses in the database a version that takes effect in 13 days, whoever writes it', async () => {
    const db = await getDb();
    const insert = db.insert(privacyVersions).values({
      number: 2,
      ...draft,
      publishedAt: now,
      takesEffectAt: osloStartOfDay(2026, 12, 14),
    });
    const err = await insert.then(() => undefined, (e: unknown) => e);
    expect(constraintOf(err)).toBe('privacy_versions_notice_period');
    const result = (await db.execute(sql`select count(*)::int as n from privacy_versions`)) as unknown as { rows: { n: number }[] };
    expect(result.rows[0]?.n).toBe(1);
  });

  it('publishes a version 14 days ahead as upcoming, then in force on its day', async () => {
    const db = await getDb();
    const takesEffectAt = osloStartOfDay(2026, 12, 15);
    expect(await publishVersion(db, { ...draft, takesEffectAt, now })).toEqual({ number: 2 });
    expect((await getUpcomingVersion(db, { now }))?.number).toBe(2);
    expect((await getVersionInForce(db, { now }))?.number).toBe(1);

    const justBefore = new Date(takesEffectAt.getTime() - 1);
    expect((await getVersionInForce(db, { now: justBefore }))?.number).toBe(1);
    expect((await getVersionInForce(db, { now: takesEffectAt }))?.number).toBe(2);
    expect(await getUpcomingVersion(db, { now: takesEffectAt })).toBeUndefined();
  });

  it('refuses a version dated before the newest one', async () => {
    const db = await getDb();
    expect(await publishVersion(db, { ...draft, takesEffectAt: osloStartOfDay(2027, 3, 1), now })).toEqual({ number: 3 });
    await expect(publishVersion(db, { ...draft, takesEffectAt: osloStartOfDay(2027, 2, 1), now })).rejects.toMatchObject({
      problem: 'before_previous_version',
    });
  });

  it('applies migrations again without harm, and the lock is released after', async () => {
    await migrate();
    await migrate();
    const acquired = await withAdvisoryLock(MIGRATION_LOCK, async () => true);
    expect(acquired).toBe(true);
  });
});
