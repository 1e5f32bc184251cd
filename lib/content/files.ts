import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { parseFrontMatter } from '@/lib/front-matter';

/**
 * Reading the content folder: each helper reports a problem (`file`, `field`, `what is wrong`)
 * instead of throwing, so the loader can name every problem at once.
 */
export type Report = (file: string, field: string, message: string) => void;

export function readText(file: string, report: Report): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    report(file, 'file', code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`);
    return undefined;
  }
}

export function listDir(dir: string, kind: 'file', report: Report): string[];
export function listDir(dir: string, kind: 'any', report: Report): fs.Dirent[];
export function listDir(dir: string, kind: 'file' | 'any', report: Report): string[] | fs.Dirent[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    report(dir, 'folder', code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`);
    return [];
  }
  entries = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => compareStrings(a.name, b.name));
  if (kind === 'any') return entries;
  for (const e of entries) if (!e.isFile()) report(path.join(dir, e.name), 'file', 'unexpected folder');
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

/** The front matter of `source`, checked against `schema`, and the Markdown after it. */
export function parseMeta<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
  report: Report,
): { data: z.output<S>; body: string } | undefined {
  if (!/^---\r?\n[\s\S]*?\r?\n---(\r?\n|$)/.test(source)) {
    report(file, 'front matter', 'is missing (the file must start with a block between two "---" lines)');
    return undefined;
  }
  const { data, body } = parseFrontMatter(source);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(file, issuePath(issue, 'front matter'), issue.message);
    return undefined;
  }
  return { data: parsed.data, body };
}

/** A JSON file, or undefined (reported) when it cannot be read or parsed. */
export function readJson(file: string, report: Report): { value: unknown } | undefined {
  const source = readText(file, report);
  if (source === undefined) return undefined;
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (error) {
    report(file, 'json', `cannot be parsed: ${(error as Error).message}`);
    return undefined;
  }
}

export function issuePath(issue: z.core.$ZodIssue, fallback: string): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  const named = issue.path.filter((p) => typeof p === 'string');
  return named.length > 0 ? named.join('.') : issue.path.length > 0 ? `${fallback}[${issue.path.join('.')}]` : fallback;
}

/** `content/artikler/x.md` for files under the working directory, the absolute path otherwise. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
