import path from 'node:path';
import { compareStrings, displayPath, issuePath, listDir, parseMeta, readJson, readText, type Report } from './files';
import { checkLink, internalLinks } from './links';
import { AGE_BANDS, articleFrontMatterSchema, isSlug, tagsFileSchema, type Article, type Content, type Tag } from './schema';
import { readYoung, type CheckTags, type YoungContent } from './young';

/**
 * Reads and checks the content folder: the tag vocabulary (tags.json), the articles
 * (artikler/), the children's topics and agreement (unge/, see young.ts), and every internal
 * link between them (links.ts).
 */

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
  const report: Report = (file, field, message) => problems.push(`${displayPath(file)}: ${field}: ${message}`);

  const tags = readTags(path.join(dir, 'tags.json'), report);
  const knownTags = new Set((tags ?? []).map((t) => t.slug));
  const checkTags: CheckTags = (file, list) => {
    if (!tags) return;
    for (const tag of list) if (!knownTags.has(tag)) report(file, 'tags', `unknown tag "${tag}"`);
  };
  const { articles, articleFiles } = readArticles(path.join(dir, 'artikler'), report, checkTags);
  const young = readYoung(path.join(dir, 'unge'), report, checkTags);
  checkAllLinks({ articles, articleFiles, young, knownTags }, report);

  const { youngTopics, agreement } = young;
  const content = agreement && tags ? { tags, articles, youngTopics, agreement } : undefined;
  return { content, problems };
}

/** The tag vocabulary, or undefined when tags.json cannot be read or does not fit the schema. */
function readTags(file: string, report: Report): Tag[] | undefined {
  const json = readJson(file, report);
  if (!json) return undefined;
  const parsed = tagsFileSchema.safeParse(json.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(file, issuePath(issue, 'tags'), issue.message);
    return undefined;
  }
  const seen = new Set<string>();
  for (const tag of parsed.data) {
    if (seen.has(tag.slug)) report(file, 'slug', `tag "${tag.slug}" is listed twice`);
    seen.add(tag.slug);
  }
  return parsed.data;
}

/**
 * The articles whose front matter is valid, by slug; `articleFiles` names every article file,
 * even one with broken front matter, so a link to it is not reported twice.
 */
function readArticles(articlesDir: string, report: Report, checkTags: CheckTags): { articles: Article[]; articleFiles: Set<string> } {
  const articles: Article[] = [];
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
    articles.push({ ...meta.data, slug, body: meta.body, file: displayPath(file) });
  }
  articles.sort((a, b) => compareStrings(a.slug, b.slug));
  return { articles, articleFiles };
}

/**
 * Every internal link in every page, now that every target is known. Articles and topics that
 * failed their own checks still count as targets: one problem, one message.
 */
function checkAllLinks(
  { articles, articleFiles, young, knownTags }: { articles: Article[]; articleFiles: Set<string>; young: YoungContent; knownTags: Set<string> },
  report: Report,
): void {
  const articleSections = new Map<string, readonly string[] | undefined>([...articleFiles].map((slug) => [slug, undefined]));
  for (const a of articles) articleSections.set(a.slug, a.sections);
  const checkBody = (file: string, body: string) => {
    for (const href of internalLinks(body)) {
      const problem = checkLink(href, { articleSections, topicSlugs: young.topicFolders, knownTags });
      if (problem) report(file, 'body', `broken link "${href}": ${problem}`);
    }
  };
  for (const a of articles) checkBody(a.file, a.body);
  for (const t of young.youngTopics) for (const band of AGE_BANDS) checkBody(t.variants[band].file, t.variants[band].body);
  if (young.agreement) checkBody(young.agreement.file, young.agreement.body);
}
