import fs from 'node:fs';
import path from 'node:path';
import { marked, type Token } from 'marked';
import type { z } from 'zod';
import { parseFrontMatter } from '@/lib/front-matter';
import {
  AGE_BANDS,
  SECTION_SLUGS,
  agreementFrontMatterSchema,
  articleFrontMatterSchema,
  isSlug,
  tagsFileSchema,
  youngVariantFrontMatterSchema,
  type AgeBand,
  type Agreement,
  type Article,
  type Content,
  type Tag,
  type YoungTopic,
  type YoungVariant,
} from './schema';

/** All the problems found in the content folder, each `<file>: <field>: <what is wrong>`. */
export class ContentError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the content files:\n` +
        problems.map((p) => `- ${p}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Top-level paths besides the section roots that content may link to. */
export const STATIC_PATHS: readonly string[] = [
  '/',
  '/kontakt',
  '/unge',
  '/unge/brukeravtale',
  '/unge/sok',
  '/sok',
  '/chat',
  '/personvern',
  '/kurs',
];

/** Pages under /unge that are not topics, so no topic folder may take their name. */
const RESERVED_TOPIC_SLUGS: readonly string[] = ['brukeravtale', 'sok'];

const AGREEMENT_FILE = 'brukeravtale.md';
/** The order the children's topics are listed in: a JSON array naming every topic folder once. */
const ORDER_FILE = 'rekkefolge.json';

/**
 * Reads and checks the whole content folder synchronously (it runs at build time).
 * Every problem is collected first; if there are any, they are thrown together as one ContentError.
 */
export function loadContent(dir: string = path.join(process.cwd(), 'content')): Content {
  const { content, problems } = collectContent(dir);
  if (problems.length > 0 || !content) throw new ContentError(problems);
  return content;
}

/**
 * Like `loadContent`, but returns the problems instead of throwing, together with everything
 * that could be read (`content` is undefined only when the agreement or tag file is unreadable).
 * Files whose front matter is invalid are left out; files with unknown tags or broken links are kept.
 */
export function collectContent(dir: string = path.join(process.cwd(), 'content')): {
  content: Content | undefined;
  problems: string[];
} {
  const problems: string[] = [];
  const display = (file: string) => displayPath(file);
  const report = (file: string, field: string, message: string) => problems.push(`${display(file)}: ${field}: ${message}`);

  // --- tags.json
  const tagsFile = path.join(dir, 'tags.json');
  let tags: Tag[] = [];
  let tagsReadable = false;
  const rawTags = readText(tagsFile, report);
  if (rawTags !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(rawTags);
    } catch (error) {
      report(tagsFile, 'json', `cannot be parsed: ${(error as Error).message}`);
    }
    if (json !== undefined) {
      const parsed = tagsFileSchema.safeParse(json);
      if (parsed.success) {
        tags = parsed.data;
        tagsReadable = true;
        const seen = new Set<string>();
        for (const tag of tags) {
          if (seen.has(tag.slug)) report(tagsFile, 'slug', `tag "${tag.slug}" is listed twice`);
          seen.add(tag.slug);
        }
      } else {
        for (const issue of parsed.error.issues) report(tagsFile, issuePath(issue, 'tags'), issue.message);
      }
    }
  }
  const knownTags = new Set(tags.map((t) => t.slug));
  const checkTags = (file: string, list: readonly string[]) => {
    if (!tagsReadable) return;
    for (const tag of list) if (!knownTags.has(tag)) report(file, 'tags', `unknown tag "${tag}"`);
  };

  // --- articles
  const articlesDir = path.join(dir, 'artikler');
  const articles: Article[] = [];
  // Every article file, even one with broken front matter, so a link to it is not reported twice.
  const articleFiles = new Set<string>();
  for (const name of listDir(articlesDir, 'file', report)) {
    const file = path.join(articlesDir, name);
    if (!name.endsWith('.md')) {
      report(file, 'file', 'unexpected file; articles are <slug>.md');
      continue;
    }
    const slug = name.slice(0, -'.md'.length);
    articleFiles.add(slug);
    if (!isSlug(slug)) report(file, 'file name', `"${slug}" is not a valid slug (lowercase a-z, 0-9 and single hyphens)`);
    const source = readText(file, report);
    if (source === undefined) continue;
    const meta = parseMeta(file, source, articleFrontMatterSchema, report);
    if (!meta) continue;
    checkTags(file, meta.data.tags);
    articles.push({ ...meta.data, slug, body: meta.body, file: display(file) });
  }
  articles.sort((a, b) => compareStrings(a.slug, b.slug));

  // --- children's topics and the agreement
  const youngDir = path.join(dir, 'unge');
  const youngTopics: YoungTopic[] = [];
  const topicFolders = new Set<string>();
  let agreement: Agreement | undefined;
  const agreementFile = path.join(youngDir, AGREEMENT_FILE);
  for (const entry of listDir(youngDir, 'any', report)) {
    const entryPath = path.join(youngDir, entry.name);
    if (entry.isDirectory()) {
      topicFolders.add(entry.name);
      const topic = readTopic(entryPath, entry.name, report, checkTags, display);
      if (topic) youngTopics.push(topic);
    } else if (entry.name !== AGREEMENT_FILE && entry.name !== ORDER_FILE) {
      report(entryPath, 'file', `unexpected file; expected topic folders, ${AGREEMENT_FILE} and ${ORDER_FILE}`);
    }
  }
  youngTopics.sort((a, b) => compareStrings(a.slug, b.slug));
  if (fs.existsSync(youngDir)) orderTopics(path.join(youngDir, ORDER_FILE), youngTopics, topicFolders, report);
  if (fs.existsSync(youngDir)) {
    if (!fs.existsSync(agreementFile)) {
      report(agreementFile, 'file', 'is missing');
    } else {
      const source = readText(agreementFile, report);
      const meta = source === undefined ? undefined : parseMeta(agreementFile, source, agreementFrontMatterSchema, report);
      if (meta) agreement = { ...meta.data, body: meta.body, file: display(agreementFile) };
    }
  }

  // --- internal links, now that every target is known
  // (Articles and topics that failed their own checks still count as targets: one problem, one message.)
  const articleSections = new Map<string, readonly string[] | undefined>([...articleFiles].map((slug) => [slug, undefined]));
  for (const a of articles) articleSections.set(a.slug, a.sections);
  const checkBody = (file: string, body: string) => {
    for (const href of internalLinks(body)) {
      const problem = checkLink(href, { articleSections, topicSlugs: topicFolders, knownTags });
      if (problem) report(file, 'body', `broken link "${href}": ${problem}`);
    }
  };
  for (const a of articles) checkBody(a.file, a.body);
  for (const t of youngTopics) for (const band of AGE_BANDS) checkBody(t.variants[band].file, t.variants[band].body);
  if (agreement) checkBody(agreement.file, agreement.body);

  const content = agreement && tagsReadable ? { tags, articles, youngTopics, agreement } : undefined;
  return { content, problems };
}

type Report = (file: string, field: string, message: string) => void;

/** Puts the topics in the order the order file gives; every topic folder must be named once. */
function orderTopics(file: string, topics: YoungTopic[], folders: ReadonlySet<string>, report: Report): void {
  const source = readText(file, report);
  if (source === undefined) return;
  let order: unknown;
  try {
    order = JSON.parse(source);
  } catch (error) {
    report(file, 'json', `cannot be parsed: ${(error as Error).message}`);
    return;
  }
  if (!Array.isArray(order) || !order.every((item) => typeof item === 'string')) {
    report(file, 'json', 'must be an array of topic folder names');
    return;
  }
  const slugs = order as string[];
  const seen = new Set<string>();
  for (const slug of slugs) {
    if (seen.has(slug)) report(file, 'order', `names "${slug}" twice`);
    else if (!folders.has(slug)) report(file, 'order', `names "${slug}", which is not a topic folder`);
    seen.add(slug);
  }
  for (const slug of [...folders].sort(compareStrings)) if (!seen.has(slug)) report(file, 'order', `does not name the topic "${slug}"`);
  const rank = new Map(slugs.map((slug, i) => [slug, i]));
  topics.sort((a, b) => (rank.get(a.slug) ?? Infinity) - (rank.get(b.slug) ?? Infinity));
}

function readTopic(
  topicDir: string,
  slug: string,
  report: Report,
  checkTags: (file: string, tags: readonly string[]) => void,
  display: (file: string) => string,
): YoungTopic | undefined {
  if (!isSlug(slug)) report(topicDir, 'folder name', `"${slug}" is not a valid slug (lowercase a-z, 0-9 and single hyphens)`);
  if (RESERVED_TOPIC_SLUGS.includes(slug)) report(topicDir, 'folder name', `"${slug}" is taken by another page under /unge`);
  const variants: Partial<Record<AgeBand, YoungVariant>> = {};
  const names = listDir(topicDir, 'file', report);
  for (const name of names) {
    const band = AGE_BANDS.find((b) => `${b}.md` === name);
    if (!band) report(path.join(topicDir, name), 'file', `unexpected file; expected ${AGE_BANDS.map((b) => `${b}.md`).join(', ')}`);
  }
  let complete = true;
  for (const band of AGE_BANDS) {
    const file = path.join(topicDir, `${band}.md`);
    if (!names.includes(`${band}.md`)) {
      report(file, 'band', `age band "${band}" is missing for topic "${slug}"`);
      complete = false;
      continue;
    }
    const source = readText(file, report);
    const meta = source === undefined ? undefined : parseMeta(file, source, youngVariantFrontMatterSchema, report);
    if (!meta) {
      complete = false;
      continue;
    }
    checkTags(file, meta.data.tags);
    variants[band] = { ...meta.data, band, body: meta.body, file: display(file) };
  }
  return complete ? { slug, variants: variants as Record<AgeBand, YoungVariant> } : undefined;
}

function parseMeta<S extends z.ZodType>(
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

function issuePath(issue: z.core.$ZodIssue, fallback: string): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  const named = issue.path.filter((p) => typeof p === 'string');
  return named.length > 0 ? named.join('.') : issue.path.length > 0 ? `${fallback}[${issue.path.join('.')}]` : fallback;
}

function readText(file: string, report: Report): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    report(file, 'file', code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`);
    return undefined;
  }
}

function listDir(dir: string, kind: 'file', report: Report): string[];
function listDir(dir: string, kind: 'any', report: Report): fs.Dirent[];
function listDir(dir: string, kind: 'file' | 'any', report: Report): string[] | fs.Dirent[] {
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

/** `content/artikler/x.md` for files under the working directory, the absolute path otherwise. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The hrefs of all Markdown links in `markdown` that stay on this site: absolute paths (`/kontakt`)
 * and relative ones (`kontakt`, `../x`), which are always reported since pages move. External links
 * (`https:`, `mailto:`, `tel:` and other schemes), protocol-relative `//host` links and in-page
 * `#anchors` are skipped.
 */
export function internalLinks(markdown: string): string[] {
  const hrefs: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const token = value as Token;
    if (token.type === 'link' && typeof token.href === 'string') hrefs.push(token.href);
    if (token.type === 'html' && typeof token.text === 'string') {
      for (const m of token.text.matchAll(/<a\s[^>]*?href\s*=\s*["']([^"']*)["']/gi)) hrefs.push(m[1]!);
    }
    for (const key of ['tokens', 'items', 'header', 'rows'] as const) {
      if (key in token) visit((token as Record<string, unknown>)[key]);
    }
  };
  visit(marked.lexer(markdown));
  return hrefs.filter((href) => {
    const h = href.trim();
    return h !== '' && !h.startsWith('#') && !h.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(h);
  });
}

type LinkTargets = {
  /** Article slug → its sections, or undefined when they are unknown (any section is accepted). */
  articleSections: ReadonlyMap<string, readonly string[] | undefined>;
  topicSlugs: ReadonlySet<string>;
  knownTags: ReadonlySet<string>;
};

/** Why `href` does not lead to a page, or undefined when it does. */
export function checkLink(href: string, targets: LinkTargets): string | undefined {
  const raw = href.trim();
  if (!raw.startsWith('/')) return 'internal links must start with "/"';
  let pathname = raw.replace(/[?#].*$/, '');
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '');
  if (STATIC_PATHS.includes(pathname)) return undefined;
  const parts = pathname.slice(1).split('/');
  const [first = '', second, ...rest] = parts;
  if (rest.length > 0) return 'no page at this depth';
  if (SECTION_SLUGS.includes(first)) {
    if (second === undefined) return undefined;
    if (!targets.articleSections.has(second)) return `no article "${second}"`;
    const sectionsOfArticle = targets.articleSections.get(second);
    if (sectionsOfArticle && !sectionsOfArticle.includes(first)) {
      return `article "${second}" is not in section "${first}" (it is in ${sectionsOfArticle.join(', ')})`;
    }
    return undefined;
  }
  if (first === 'unge' && second !== undefined) {
    return targets.topicSlugs.has(second) ? undefined : `no young topic "${second}"`;
  }
  if (first === 'tema' && second !== undefined) {
    return targets.knownTags.has(second) ? undefined : `no tag "${second}"`;
  }
  return 'unknown path';
}
