/**
 * A small front-matter reader for our own content files: a block of `key: value` lines
 * between two `---` lines. Values are plain strings; quotes around them are dropped.
 *
 * A key with nothing after its colon starts a list: the indented `- item` lines that follow
 * are its items, each a plain string (`sources:` then `  - Tittel | https://… | 2026-12-01`).
 * A key with neither a value nor items is the empty string. An indented line that is not an item is kept as an
 * item too, so the schema can name it rather than the reader dropping it without a word.
 */
export type FrontMatterValue = string | string[];

export function parseFrontMatter(source: string): { data: Record<string, FrontMatterValue>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: {}, body: source };
  const data: Record<string, FrontMatterValue> = {};
  /** The key whose value is empty, while indented item lines may follow it. */
  let listKey: string | undefined;
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    if (listKey !== undefined && /^\s+\S/.test(line)) {
      const items = data[listKey];
      const item = unquote(line.trim().replace(/^-\s*/, ''));
      data[listKey] = Array.isArray(items) ? [...items, item] : [item];
      continue;
    }
    listKey = undefined;
    const m = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2]!.trim();
    data[m[1]!] = unquote(value);
    if (value === '') listKey = m[1]!;
  }
  return { data, body: source.slice(match[0].length) };
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, '$2');
}
