import { diffArrays, diffWords } from 'diff';
import { marked, type Token } from 'marked';

/**
 * What changes between two versions of the privacy statement, put the way a reader wants
 * it: only the paragraphs and list items that differ, each under the heading of the part it
 * belongs to, with the changed words marked. Markdown syntax is left out of the comparison.
 */
export type WordPart = { text: string; change?: 'added' | 'removed' };
export type BlockChange = { kind: 'changed' | 'added' | 'removed'; parts: WordPart[] };
export type SectionChanges = { section: string; changes: BlockChange[] };

type Block = { text: string; section: string };

function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => ('tokens' in t && t.tokens ? plain(t.tokens) : 'text' in t && typeof t.text === 'string' ? t.text : ''))
    .join('');
}

export function toBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let section = 'Innledning';
  for (const token of marked.lexer(markdown)) {
    if (token.type === 'heading') {
      section = plain(token.tokens).trim();
      blocks.push({ text: section, section });
    } else if (token.type === 'list') {
      for (const item of token.items) blocks.push({ text: plain(item.tokens).trim(), section });
    } else if (token.type === 'paragraph' || token.type === 'blockquote') {
      blocks.push({ text: plain(token.tokens).trim(), section });
    }
  }
  return blocks.filter((b) => b.text !== '');
}

function words(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((p) => ({
    text: p.value,
    ...(p.added ? { change: 'added' as const } : p.removed ? { change: 'removed' as const } : {}),
  }));
}

/** At least half of the words kept: the same paragraph, edited. */
function alike(before: string, after: string): boolean {
  const parts = diffWords(before, after);
  const kept = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.length, 0);
  return kept * 2 >= Math.max(before.length, after.length);
}

export function diffStatements(before: string, after: string): SectionChanges[] {
  const a = toBlocks(before);
  const b = toBlocks(after);
  const hunks = diffArrays(
    a.map((x) => x.text),
    b.map((x) => x.text),
  );
  // Grouped by section, in the order the sections first come up.
  const result = new Map<string, BlockChange[]>();
  const add = (section: string, change: BlockChange) => {
    const list = result.get(section);
    if (list) list.push(change);
    else result.set(section, [change]);
  };
  let ia = 0;
  let ib = 0;
  for (let h = 0; h < hunks.length; h++) {
    const hunk = hunks[h]!;
    if (!hunk.added && !hunk.removed) {
      ia += hunk.count ?? hunk.value.length;
      ib += hunk.count ?? hunk.value.length;
      continue;
    }
    const next = hunks[h + 1];
    if (hunk.removed && next?.added) {
      // A replaced run: blocks in the same place that are much alike are one changed block
      // with its changed words marked; the rest count as removed and added whole.
      const removed = hunk.value;
      const added = next.value;
      const gone: [string, string][] = [];
      for (let i = 0; i < Math.max(removed.length, added.length); i++) {
        const was = removed[i];
        const is = added[i];
        if (was !== undefined && is !== undefined && alike(was, is)) {
          add(b[ib + i]!.section, { kind: 'changed', parts: words(was, is) });
          continue;
        }
        if (was !== undefined) gone.push([a[ia + i]!.section, was]);
        if (is !== undefined) add(b[ib + i]!.section, { kind: 'added', parts: [{ text: is, change: 'added' }] });
      }
      for (const [section, text] of gone) add(section, { kind: 'removed', parts: [{ text, change: 'removed' }] });
      ia += removed.length;
      ib += added.length;
      h++;
    } else if (hunk.added) {
      for (const text of hunk.value) {
        add(b[ib]!.section, { kind: 'added', parts: [{ text, change: 'added' }] });
        ib++;
      }
    } else {
      for (const text of hunk.value) {
        add(a[ia]!.section, { kind: 'removed', parts: [{ text, change: 'removed' }] });
        ia++;
      }
    }
  }
  return [...result].map(([section, changes]) => ({ section, changes }));
}
