import fs from 'node:fs';
import path from 'node:path';
import { compareStrings, displayPath, listDir, parseMeta, readJson, readText, type Report } from './files';
import {
  AGE_BANDS,
  agreementFrontMatterSchema,
  isSlug,
  youngVariantFrontMatterSchema,
  type AgeBand,
  type Agreement,
  type YoungTopic,
  type YoungVariant,
} from './schema';

/**
 * The children's part of the content folder (`content/unge/`): one folder per topic with a
 * text per age band, the user agreement, and the order the topics are listed in.
 */

/** Pages under /unge that are not topics, so no topic folder may take their name. */
const RESERVED_TOPIC_SLUGS: readonly string[] = ['brukeravtale', 'sok'];

const AGREEMENT_FILE = 'brukeravtale.md';
/** The order the children's topics are listed in: a JSON array naming every topic folder once. */
const ORDER_FILE = 'rekkefolge.json';

export type CheckTags = (file: string, tags: readonly string[]) => void;

export type YoungContent = {
  /** The complete topics, in the order file's order. */
  youngTopics: YoungTopic[];
  /** Every topic folder, complete or not: each is a link target. */
  topicFolders: Set<string>;
  agreement: Agreement | undefined;
};

export function readYoung(youngDir: string, report: Report, checkTags: CheckTags): YoungContent {
  const youngTopics: YoungTopic[] = [];
  const topicFolders = new Set<string>();
  for (const entry of listDir(youngDir, 'any', report)) {
    const entryPath = path.join(youngDir, entry.name);
    if (entry.isDirectory()) {
      topicFolders.add(entry.name);
      const topic = readTopic(entryPath, entry.name, report, checkTags);
      if (topic) youngTopics.push(topic);
    } else if (entry.name !== AGREEMENT_FILE && entry.name !== ORDER_FILE) {
      report(entryPath, 'file', `unexpected file; expected topic folders, ${AGREEMENT_FILE} and ${ORDER_FILE}`);
    }
  }
  youngTopics.sort((a, b) => compareStrings(a.slug, b.slug));
  if (!fs.existsSync(youngDir)) return { youngTopics, topicFolders, agreement: undefined };
  orderTopics(path.join(youngDir, ORDER_FILE), youngTopics, topicFolders, report);
  return { youngTopics, topicFolders, agreement: readAgreement(path.join(youngDir, AGREEMENT_FILE), report) };
}

function readAgreement(file: string, report: Report): Agreement | undefined {
  if (!fs.existsSync(file)) {
    report(file, 'file', 'is missing');
    return undefined;
  }
  const source = readText(file, report);
  const meta = source === undefined ? undefined : parseMeta(file, source, agreementFrontMatterSchema, report);
  return meta ? { ...meta.data, body: meta.body, file: displayPath(file) } : undefined;
}

/** Puts the topics in the order the order file gives; every topic folder must be named once. */
function orderTopics(file: string, topics: YoungTopic[], folders: ReadonlySet<string>, report: Report): void {
  const order = readJson(file, report)?.value;
  if (order === undefined) return;
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

function readTopic(topicDir: string, slug: string, report: Report, checkTags: CheckTags): YoungTopic | undefined {
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
    variants[band] = { ...meta.data, band, body: meta.body, file: displayPath(file) };
  }
  return complete ? { slug, variants: variants as Record<AgeBand, YoungVariant> } : undefined;
}
