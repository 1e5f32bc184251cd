import { marked, type Tokens } from 'marked';

/** Marked's token union narrows poorly; the walkers below read fields by token type. */
type Token = Tokens.Generic;
import type { AgeBand } from './schema';

/** The highest LIX we accept for each age band of the children's pages. */
export const LIX_LIMITS: Readonly<Record<AgeBand, number>> = { 'under-10': 25, '10-13': 30, '14-18': 40 };

/**
 * The readable text of a Markdown document: link and emphasis text kept, URLs, images, HTML tags
 * and Markdown syntax dropped. Each block (heading, paragraph, list item, table cell, code block)
 * becomes its own paragraph, separated by a blank line.
 */
export function plainText(markdown: string): string {
  const blocks: string[] = [];
  collectBlocks(marked.lexer(markdown), blocks);
  return blocks
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => b !== '')
    .join('\n\n');
}

function collectBlocks(tokens: readonly Token[], out: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
      case 'paragraph':
        out.push(inlineText(token.tokens ?? []));
        break;
      case 'text':
        // Block-level text, e.g. the content of a tight list item.
        out.push(token.tokens ? inlineText(token.tokens) : String(token.text ?? ''));
        break;
      case 'list':
        for (const item of token.items as Token[]) collectBlocks(item.tokens ?? [], out);
        break;
      case 'blockquote':
        collectBlocks(token.tokens ?? [], out);
        break;
      case 'table':
        for (const cell of token.header as Token[]) out.push(inlineText(cell.tokens ?? []));
        for (const row of token.rows as Token[][]) for (const cell of row) out.push(inlineText(cell.tokens ?? []));
        break;
      case 'code':
        out.push(String(token.text ?? ''));
        break;
      case 'html':
        out.push(stripTags(String(token.text ?? '')));
        break;
      default:
        // space, hr, def and anything unknown carry no readable text.
        break;
    }
  }
}

function inlineText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'image' || token.type === 'checkbox') return '';
      if (token.type === 'html' || token.type === 'tag') return stripTags(String(token.text ?? token.raw ?? ''));
      if (token.type === 'br') return ' ';
      if (token.tokens) return inlineText(token.tokens);
      return typeof token.text === 'string' ? decodeEntities(token.text) : '';
    })
    .join('');
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export type LixStats = { words: number; sentences: number; longWords: number; lix: number };

/**
 * Counts for LIX on Markdown (plain text works too; it is stripped with `plainText` first).
 * - A word is a run of letters or digits (æ, ø, å and other accented letters included).
 * - A long word has more than 6 letters.
 * - A sentence ends at `.`, `!`, `?` or `:` followed by a space or the end of the block, or at the end
 *   of a block: a heading or list item without a full stop is its own sentence. Runs like `...`
 *   count once, and `12:30` or `1.5` do not end a sentence.
 */
export function lixStats(markdown: string): LixStats {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const block of plainText(markdown).split(/\n\s*\n/)) {
    for (const sentence of block.split(/[.!?:]+["'»”’)\]]*(?=\s|$)/)) {
      const found = sentence.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (found.length === 0) continue;
      sentences += 1;
      words += found.length;
      longWords += found.filter((w) => (w.match(/\p{L}/gu) ?? []).length > 6).length;
    }
  }
  const lix = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { words, sentences, longWords, lix };
}

/** LIX = words / sentences + 100 × long words / words; 0 for a text without words. */
export function lix(text: string): number {
  return lixStats(text).lix;
}
