import path from 'node:path';
import type { Database } from '@/db/client';
import { privacyVersions } from '@/db/schema';
import { countVersions } from '@/db/queries/privacy';
import { readVersionFile } from '@/lib/privacy/version-file';

/** Puts the first privacy statement in place on an empty database. Safe to run every start. */
export async function seed(db: Database): Promise<{ privacyVersions: number }> {
  if ((await countVersions(db)) > 0) return { privacyVersions: 0 };
  const v1 = readVersionFile(path.join(process.cwd(), 'content', 'personvern', 'v1.md'));
  if (!v1.published || !v1.takesEffect) throw new Error('v1.md: published and takesEffect are required');
  await db.insert(privacyVersions).values({
    number: 1,
    title: v1.title,
    summary: v1.summary,
    body: v1.body,
    publishedAt: new Date(v1.published),
    takesEffectAt: new Date(v1.takesEffect),
  });
  return { privacyVersions: 1 };
}
