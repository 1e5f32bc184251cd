// Not marked 'server-only': the HTTP server (outside Next's bundler) reads the notice state
// through this module too. Nothing here is reachable from a client component.
import { and, asc, desc, eq, gt, lte, max } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { privacyVersions } from '@/db/schema';
import { checkSchedule, type ScheduleProblem } from '@/lib/privacy/rules';

const summaryColumns = {
  number: privacyVersions.number,
  title: privacyVersions.title,
  summary: privacyVersions.summary,
  publishedAt: privacyVersions.publishedAt,
  takesEffectAt: privacyVersions.takesEffectAt,
};

export type VersionSummary = {
  number: number;
  title: string;
  summary: string;
  publishedAt: Date;
  takesEffectAt: Date;
};
export type VersionWithBody = VersionSummary & { body: string };

/** Every published version, newest first; bodies are left out. */
export async function listPublishedVersions(db: Database, { now }: { now: Date }): Promise<VersionSummary[]> {
  return db
    .select(summaryColumns)
    .from(privacyVersions)
    .where(lte(privacyVersions.publishedAt, now))
    .orderBy(desc(privacyVersions.number));
}

export async function getPublishedVersion(
  db: Database,
  { number, now }: { number: number; now: Date },
): Promise<VersionWithBody | undefined> {
  const rows = await db
    .select({ ...summaryColumns, body: privacyVersions.body })
    .from(privacyVersions)
    .where(and(eq(privacyVersions.number, number), lte(privacyVersions.publishedAt, now)))
    .limit(1);
  return rows[0];
}

/** The version in force now: the newest one whose date has come. */
export async function getVersionInForce(db: Database, { now }: { now: Date }): Promise<VersionWithBody | undefined> {
  const rows = await db
    .select({ ...summaryColumns, body: privacyVersions.body })
    .from(privacyVersions)
    .where(lte(privacyVersions.takesEffectAt, now))
    .orderBy(desc(privacyVersions.takesEffectAt))
    .limit(1);
  return rows[0];
}

/** The next published version that has not yet taken effect, if there is one. */
export async function getUpcomingVersion(db: Database, { now }: { now: Date }): Promise<VersionWithBody | undefined> {
  const rows = await db
    .select({ ...summaryColumns, body: privacyVersions.body })
    .from(privacyVersions)
    .where(and(lte(privacyVersions.publishedAt, now), gt(privacyVersions.takesEffectAt, now)))
    .orderBy(asc(privacyVersions.takesEffectAt))
    .limit(1);
  return rows[0];
}

export class PrivacyScheduleError extends Error {
  constructor(readonly problem: ScheduleProblem) {
    super(`privacy version refused: ${problem}`);
    this.name = 'PrivacyScheduleError';
  }
}

/**
 * Publishes a new version now (per the clock the caller passes). Refuses a version that
 * takes effect in under 14 days, or not after the newest existing version.
 */
export async function publishVersion(
  db: Database,
  input: { title: string; summary: string; body: string; takesEffectAt: Date; now: Date },
): Promise<{ number: number }> {
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ number: max(privacyVersions.number), takesEffectAt: max(privacyVersions.takesEffectAt) })
      .from(privacyVersions);
    const problem = checkSchedule({
      publishedAt: input.now,
      takesEffectAt: input.takesEffectAt,
      latestTakesEffectAt: latest?.takesEffectAt ?? undefined,
    });
    if (problem) throw new PrivacyScheduleError(problem);
    const number = (latest?.number ?? 0) + 1;
    await tx.insert(privacyVersions).values({
      number,
      title: input.title,
      summary: input.summary,
      body: input.body,
      publishedAt: input.now,
      takesEffectAt: input.takesEffectAt,
    });
    return { number };
  });
}

export async function countVersions(db: Database): Promise<number> {
  const rows = await db.select({ n: max(privacyVersions.number) }).from(privacyVersions);
  return rows[0]?.n ?? 0;
}
