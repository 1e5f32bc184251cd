import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { privacyVersions } from '@/db/schema';
import { countVersions } from '@/db/queries/privacy';
import { parseFrontMatter } from '@/lib/front-matter';

const versionFile = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  published: z.iso.datetime({ offset: true }),
  takesEffect: z.iso.datetime({ offset: true }),
});

/** Reads a privacy-statement version written as Markdown with front matter. */
export function readVersionFile(file: string) {
  const { data, body } = parseFrontMatter(fs.readFileSync(file, 'utf8'));
  const parsed = versionFile.safeParse(data);
  if (!parsed.success) {
    throw new Error(`${path.basename(file)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, body: body.trim() };
}

/** Puts the first privacy statement in place on an empty database. Safe to run every start. */
export async function seed(db: Database): Promise<{ privacyVersions: number }> {
  if ((await countVersions(db)) > 0) return { privacyVersions: 0 };
  const v1 = readVersionFile(path.join(process.cwd(), 'content', 'personvern', 'v1.md'));
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
