import { plainText } from './lix';
import type { Article, Content, YoungTopic } from './schema';

/**
 * Small readers the fact tests (`lib/content/facts-*.test.ts`, `help-numbers.test.ts`) share:
 * find a page, then the paragraph, section or sentence a fact lives in, so each test can pin a
 * fact where a reader meets it. Each throws with a plain message when what it looks for is gone.
 */

export function articleBySlug(articles: readonly Article[], slug: string): Article {
  const found = articles.find((a) => a.slug === slug);
  if (!found) throw new Error(`article ${slug} is missing`);
  return found;
}

export function topicBySlug(content: Content, slug: string): YoungTopic {
  const found = content.youngTopics.find((t) => t.slug === slug);
  if (!found) throw new Error(`topic ${slug} is missing`);
  return found;
}

/** Title, summary and the readable text of the body, as one text with blank lines between blocks. */
export function readableText(page: { title: string; summary: string; body: string }): string {
  return [page.title, page.summary, plainText(page.body)].join('\n\n');
}

/** Paragraphs and list items: the blocks of a text, separated by blank lines. */
export function blocks(text: string): string[] {
  return text.split(/\n\s*\n/).map((b) => b.trim());
}

/** The sentences of a text, split after . ! ? and at blank lines. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The paragraph (block separated by blank lines) that contains `needle`. */
export function paragraphWith(text: string, needle: string): string {
  const paragraph = text.split(/\n\s*\n/).find((p) => p.includes(needle));
  if (!paragraph) throw new Error(`no paragraph contains "${needle}"`);
  return paragraph;
}

/** The paragraph or Markdown list item (a `- ` line) that contains `needle`. */
export function blockWith(text: string, needle: string): string {
  const block = text.split(/\n\s*\n|\n(?=- )/).find((b) => b.includes(needle));
  if (!block) throw new Error(`no paragraph or list item contains "${needle}"`);
  return block;
}

/** The text under a `## heading` (or `### …` with level 3), up to the next heading of the same or a higher level. */
export function sectionUnder(body: string, heading: string, level = 2): string {
  const marker = `${'#'.repeat(level)} ${heading}`;
  const start = body.indexOf(marker);
  if (start === -1) throw new Error(`no heading "${marker}"`);
  const rest = body.slice(start + marker.length);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next === -1 ? body.slice(start) : body.slice(start, start + marker.length + next);
}
