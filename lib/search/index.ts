import { marked } from 'marked';
import { articleHref } from '@/lib/content/href';
import { loadContent } from '@/lib/content/load';
import type { Content } from '@/lib/content/schema';
import { fold, stem } from '@/lib/search/stem';

/**
 * Site search over the articles and the children's topics, in memory. The only state is the
 * index, built from the content the first time it is needed. A search keeps nothing of its
 * words: nothing here logs, stores or counts a query.
 */

const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_TERMS = 10;

export type SearchScope = 'all' | 'unge';
export type SnippetSegment = { text: string; match: boolean };
export type SearchHit = { kind: 'article' | 'topic'; href: string; title: string; summary: string; snippet: SnippetSegment[] };
/** `empty`: nothing to search for; `too-long`: over MAX_QUERY_LENGTH characters or MAX_QUERY_TERMS words. */
export type SearchResult = { status: 'ok' | 'empty' | 'too-long'; hits: SearchHit[] };

type Word = { start: number; end: number; key: string };
type Passage = { text: string; words: Word[] };
type Field = 'title' | 'summary' | 'body';
type Doc = {
  hit: Omit<SearchHit, 'snippet'>;
  counts: Record<Field, Map<string, number>>;
  /** Plain-text bodies, in the order a snippet is looked for. */
  passages: Passage[];
};
export type SearchIndex = { docs: Doc[]; documentFrequency: Map<string, number> };

const FIELD_WEIGHT: Record<Field, number> = { title: 8, summary: 3, body: 1 };
const SNIPPET_WORDS = 25;
const WORDS_BEFORE_MATCH = 8;
/** A snippet stops at the end of its paragraph once it has this many words. */
const MIN_SNIPPET_WORDS = 12;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Words too common to narrow a search; dropped from a query unless it has nothing else. */
const STOPWORDS = new Set(
  ('og i på er en et ei å som til av for fra med om at det den de du jeg vi han hun meg deg seg oss dere dem ' +
    'min mitt mine din ditt dine sin sitt sine hva hvem hvor hvordan hvorfor hvilken hvilket hvilke når noe noen ' +
    'har hadde var være vært blir ble bli kan kunne skal skulle vil ville må ikke så men eller hvis da der her ' +
    'hos mot også bare enn etter')
    .split(' '),
);

const collator = new Intl.Collator('nb');

function words(text: string): Word[] {
  return Array.from(text.matchAll(WORD), (m) => ({ start: m.index, end: m.index + m[0].length, key: stem(m[0]) }));
}

function countKeys(...texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const w of words(text)) counts.set(w.key, (counts.get(w.key) ?? 0) + 1);
  return counts;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? whole;
    const code = Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const INLINE = new Set(['text', 'strong', 'em', 'del', 'link', 'codespan', 'escape', 'html', 'image', 'br']);
const CHILDREN = ['tokens', 'items', 'header', 'rows'];

/**
 * The readable text of a Markdown body: no syntax, links reduced to their text, HTML tags
 * dropped. Each block (paragraph, heading, list item) ends with a line break.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const token = value as { type?: string; text?: unknown; [key: string]: unknown };
    if (token.type === 'def') return;
    if (token.type === 'html' && typeof token.text === 'string') out.push(token.text.replace(/<[^>]*>/g, ' '));
    else if (token.type === 'space' || token.type === 'br' || token.type === 'hr') out.push(' ');
    else if (CHILDREN.some((key) => Array.isArray(token[key]))) for (const key of CHILDREN) visit(token[key]);
    else if (typeof token.text === 'string') out.push(token.text);
    // Table cells have no type; a space keeps their words apart.
    if (token.type === undefined) out.push(' ');
    else if (!INLINE.has(token.type)) out.push('\n');
  };
  visit(marked.lexer(markdown));
  return decodeEntities(out.join(''))
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

function passage(markdown: string): Passage {
  const text = markdownToText(markdown);
  return { text, words: words(text) };
}

/** The index of the given content; `search` uses the site's own content unless it is given one. */
export function buildSearchIndex(content: Pick<Content, 'articles' | 'youngTopics'>): SearchIndex {
  const docs: Doc[] = [];
  for (const a of content.articles) {
    const body = passage(a.body);
    docs.push({
      hit: { kind: 'article', href: articleHref(a), title: a.title, summary: a.summary },
      counts: { title: countKeys(a.title), summary: countKeys(a.summary), body: countKeys(body.text) },
      passages: [body],
    });
  }
  for (const topic of content.youngTopics) {
    // The 10-13 text is what the result shows, so its body is searched first for the snippet.
    const shown = topic.variants['10-13'];
    const variants = [shown, topic.variants['14-18'], topic.variants['under-10']];
    const passages = variants.map((v) => passage(v.body));
    docs.push({
      hit: { kind: 'topic', href: `/unge/${topic.slug}`, title: shown.title, summary: shown.summary },
      counts: {
        title: countKeys(...variants.map((v) => v.title)),
        summary: countKeys(...variants.map((v) => v.summary)),
        body: countKeys(...passages.map((p) => p.text)),
      },
      passages,
    });
  }
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const keys = new Set([...doc.counts.title.keys(), ...doc.counts.summary.keys(), ...doc.counts.body.keys()]);
    for (const key of keys) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  return { docs, documentFrequency };
}

let siteIndex: SearchIndex | undefined;

/** The search keys of a query, or why there are none to search for. */
function queryKeys(query: string): string[] | 'empty' | 'too-long' {
  const trimmed = query.trim();
  if (trimmed.length > MAX_QUERY_LENGTH) return 'too-long';
  const surface = Array.from(trimmed.matchAll(WORD), (m) => fold(m[0]));
  const meaningful = surface.filter((w) => !STOPWORDS.has(w));
  const keys = [...new Set((meaningful.length > 0 ? meaningful : surface).map(stem))];
  if (keys.length === 0) return 'empty';
  return keys.length > MAX_QUERY_TERMS ? 'too-long' : keys;
}

/** The doc's score for keys that must all match, or 0 when one of them does not. */
function score(doc: Doc, keys: readonly string[], index: SearchIndex): number {
  let total = 0;
  for (const key of keys) {
    let points = 0;
    for (const field of ['title', 'summary', 'body'] as const) {
      const tf = doc.counts[field].get(key) ?? 0;
      if (tf > 0) points += FIELD_WEIGHT[field] * (1 + Math.log(tf));
    }
    if (points === 0) return 0;
    total += points * Math.log(1 + index.docs.length / (index.documentFrequency.get(key) ?? 1));
  }
  return total;
}

/**
 * About SNIPPET_WORDS words of the first body that matches, starting a little before the first
 * match but not before its paragraph. A short paragraph runs on into the next, marked with " · ".
 */
/** The first passage holding a query word, and that word's place in it; each word is read once. */
function firstMatch(passages: readonly Passage[], keys: ReadonlySet<string>): { passage: Passage; at: number } | undefined {
  for (const passage of passages) {
    const at = passage.words.findIndex((w) => keys.has(w.key));
    if (at !== -1) return { passage, at };
  }
  return undefined;
}

function snippet(passages: readonly Passage[], keys: ReadonlySet<string>): SnippetSegment[] {
  const match = firstMatch(passages, keys);
  const found = match?.passage ?? passages[0];
  if (!found || found.words.length === 0) return [];
  const { text, words: list } = found;
  const first = match?.at ?? 0;
  const blockStart = text.lastIndexOf('\n', list[first]!.start) + 1;
  const blockEnd = text.indexOf('\n', list[first]!.end);
  let from = Math.max(0, first - WORDS_BEFORE_MATCH);
  while (list[from]!.start < blockStart) from++;
  let to = Math.min(list.length, from + SNIPPET_WORDS);
  // The first word past the paragraph: every word up to the match lies before its end.
  let afterBlock = -1;
  for (let i = first; blockEnd !== -1 && i < list.length; i++) {
    if (list[i]!.start > blockEnd) {
      afterBlock = i;
      break;
    }
  }
  if (afterBlock !== -1 && afterBlock < to && afterBlock - from >= MIN_SNIPPET_WORDS) to = afterBlock;

  const segments: SnippetSegment[] = [];
  const push = (part: string, match: boolean) => {
    const last = segments.at(-1);
    if (part === '') return;
    if (last && !last.match && !match) last.text += part;
    else segments.push({ text: part, match });
  };
  // Start and end on whitespace, so an opening quote or a closing full stop stays with its word.
  let cursor = list[from]!.start;
  while (cursor > 0 && !/\s/.test(text[cursor - 1]!)) cursor--;
  if (cursor > 0) push('… ', false);
  for (const w of list.slice(from, to)) {
    push(text.slice(cursor, w.start).replaceAll('\n', ' · '), false);
    push(text.slice(w.start, w.end), keys.has(w.key));
    cursor = w.end;
  }
  const rest = /^\S*/.exec(text.slice(cursor))![0];
  push(rest, false);
  if (cursor + rest.length < text.length) push(' …', false);
  return segments;
}

/** Hits for every word of the query (by stem), best first; titles in Norwegian order break ties. */
export function search(query: string, options: { scope: SearchScope; index?: SearchIndex }): SearchResult {
  const keys = queryKeys(query);
  if (typeof keys === 'string') return { status: keys, hits: [] };
  const index = options.index ?? (siteIndex ??= buildSearchIndex(loadContent()));
  const keySet = new Set(keys);
  return {
    status: 'ok',
    hits: index.docs
      .filter((doc) => options.scope === 'all' || doc.hit.kind === 'topic')
      .map((doc) => ({ doc, score: score(doc, keys, index) }))
      .filter((scored) => scored.score > 0)
      .sort((a, b) => b.score - a.score || collator.compare(a.doc.hit.title, b.doc.hit.title))
      .map(({ doc }) => ({ ...doc.hit, snippet: snippet(doc.passages, keySet) })),
  };
}
