import { marked, type Token } from 'marked';

/**
 * The privacy statement's source marks each sentence with the promise it makes, in an HTML
 * comment readers never see: `<!-- claim:ingen-ip -->` for a promise the test suite checks,
 * `<!-- promise:taushetsplikt -->` for one no code can check (the registry names who answers
 * for it). One sentence may carry several ids. A part of the statement that only explains
 * (what personal data is, say) says so under its heading with `<!-- forklaring -->`; every
 * other part is a claims section, where a sentence without an id is an error.
 */
type MarkerKind = 'claim' | 'promise';
export type Marker = { kind: MarkerKind; id: string };
export type StatementProblem = { section: string; sentence: string };

const MARKER = /<!--([\s\S]*?)-->/g;
const ID = /^(claim|promise):([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const EXPLANATION = 'forklaring';

/** The statement as readers get it: every marker gone, and no blank runs where one stood. */
export function stripMarkers(markdown: string): string {
  return markdown
    .replace(/[ \t]*<!--[\s\S]*?-->/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Reads one marker's words: ids, or the explanation mark; anything else is an error. */
function parseMarker(inner: string): Marker[] | 'explanation' | string {
  const words = inner.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1 && words[0] === EXPLANATION) return 'explanation';
  const markers: Marker[] = [];
  for (const word of words) {
    const m = ID.exec(word);
    if (!m) return `ukjent merke «${word}»`;
    markers.push({ kind: m[1] as MarkerKind, id: m[2]! });
  }
  return markers.length > 0 ? markers : 'tomt merke';
}

/** Markdown syntax out, so what is left reads as the sentences a reader sees. */
function plainText(raw: string): string {
  return raw
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The sentences in a stretch of text. A sentence ends at . ! or ? followed by a space and
 * something that can start a new one; "f.eks. når" stays one sentence, as does a colon.
 */
export function sentences(text: string): string[] {
  const plain = plainText(text);
  if (!/[\p{L}\p{N}]/u.test(plain)) return [];
  return plain.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}«"(§])/u).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

type Block = { section: string; raw: string };

/** The statement's blocks (paragraphs and list items) with the level-2 section each is under. */
function blocksOf(markdown: string): { blocks: Block[]; explanation: Set<string> } {
  const blocks: Block[] = [];
  const explanation = new Set<string>();
  let section = 'Innledning';
  let justHeaded = false;
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'heading') {
        if (token.depth <= 2) section = token.text.trim();
        justHeaded = token.depth <= 2;
        continue;
      }
      if (token.type === 'html' && justHeaded && parseMarker(token.raw.replace(/^<!--|-->\s*$/g, '')) === 'explanation') {
        explanation.add(section);
        continue;
      }
      justHeaded = false;
      if (token.type === 'space') continue;
      if (token.type === 'list') for (const item of token.items) blocks.push({ section, raw: item.text });
      else if (token.type === 'blockquote') visit(token.tokens ?? []);
      else blocks.push({ section, raw: token.raw });
    }
  };
  visit(marked.lexer(markdown));
  return { blocks, explanation };
}

/**
 * Every marker in the statement, and every sentence of a claims section that has none (or a
 * marker that cannot be read). A sentence's marker stands right after it.
 */
export function readMarkers(markdown: string): { markers: Marker[]; problems: StatementProblem[] } {
  const { blocks, explanation } = blocksOf(markdown);
  const markers: Marker[] = [];
  const problems: StatementProblem[] = [];
  for (const { section, raw } of blocks) {
    let rest = 0;
    for (const m of raw.matchAll(MARKER)) {
      const before = sentences(raw.slice(rest, m.index));
      rest = m.index + m[0].length;
      const parsed = parseMarker(m[1]!);
      if (typeof parsed === 'string') {
        problems.push({ section, sentence: parsed === 'explanation' ? 'forklaring-merket står ikke rett under en overskrift' : parsed });
        continue;
      }
      markers.push(...parsed);
      // The marker covers the sentence just before it; any earlier one in the stretch has none.
      if (!explanation.has(section)) for (const s of before.slice(0, -1)) problems.push({ section, sentence: s });
    }
    if (!explanation.has(section)) for (const s of sentences(raw.slice(rest))) problems.push({ section, sentence: s });
  }
  return { markers, problems };
}
