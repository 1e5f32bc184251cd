import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseFrontMatter } from '@/lib/front-matter';
import { stripMarkers } from '@/lib/privacy/claim-markers';

const versionFile = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  published: z.iso.datetime({ offset: true }).optional(),
  takesEffect: z.iso.datetime({ offset: true }).optional(),
});

/**
 * A privacy-statement version written as Markdown with front matter (title, summary, and
 * for a version shipped with the code its dates). Errors name the file and the field. The
 * claim markers in its source are taken out.
 */
export function readVersionFile(file: string) {
  const { data, body } = parseFrontMatter(fs.readFileSync(file, 'utf8'));
  const parsed = versionFile.safeParse(data);
  if (!parsed.success) {
    throw new Error(`${path.basename(file)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  // The claim markers are for the registry check (lib/privacy/claim-markers.ts), not for readers.
  const text = stripMarkers(body);
  if (!text) throw new Error(`${path.basename(file)}: the text of the statement is empty`);
  return { ...parsed.data, body: text };
}

export function readVersionBody(file: string): { title: string; summary: string; body: string } {
  const { title, summary, body } = readVersionFile(file);
  return { title, summary, body };
}
