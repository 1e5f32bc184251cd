/**
 * Ready answers (hurtigsvar): short texts admins keep for chat hosts, found in the console by
 * typing `/` and a few letters. The schema, the admin page and the console's list all read the
 * categories and limits here, so this module imports nothing.
 */
export const quickReplyCategories = ['apning', 'er-du-der', 'trygghet', 'henvisning', 'avslutning'] as const;
export type QuickReplyCategory = (typeof quickReplyCategories)[number];

export const quickReplyCategoryLabels: Record<QuickReplyCategory, string> = {
  apning: 'Åpning',
  'er-du-der': 'Er du der fortsatt?',
  trygghet: 'Trygghet',
  henvisning: 'Henvisning',
  avslutning: 'Avslutning',
};

/** The longest title a ready answer may have (the database refuses longer). */
export const QUICK_REPLY_TITLE_MAX = 60;

export type QuickReply = { id: string; category: QuickReplyCategory; title: string; text: string };

/** Where a `/query` stands in the field: from the slash up to the caret. */
type QuickReplyQuery = { start: number; end: number; query: string };

/**
 * The `/query` the caret stands at the end of, if any: a slash at the start of the field or
 * after whitespace, followed by letters, digits, spaces between words or hyphens, and nothing
 * else up to the caret. A slash inside a word (a date, "og/eller", a web address) is not one.
 */
export function quickReplyQueryAt(draft: string, caret: number): QuickReplyQuery | null {
  const before = draft.slice(0, caret);
  const match = /(^|\s)\/([\p{L}\p{N}-]+(?: [\p{L}\p{N}-]+)*)?$/u.exec(before);
  if (!match) return null;
  const start = match.index + match[1]!.length;
  return { start, end: caret, query: match[2] ?? '' };
}

const fold = (s: string) => s.toLocaleLowerCase('nb').normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * The answers that match every word of the query, in the order given: the best first, those
 * whose title starts with the query, then those with every word in the title, then the rest
 * that have the words in their category or text. Case and accents do not matter.
 */
export function filterQuickReplies<T extends QuickReply>(replies: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...replies];
  const ranked: { reply: T; rank: number }[] = [];
  for (const reply of replies) {
    const title = fold(reply.title);
    const all = `${title} ${fold(quickReplyCategoryLabels[reply.category])} ${reply.category} ${fold(reply.text)}`;
    if (!words.every((w) => all.includes(w))) continue;
    const rank = title.startsWith(words.join(' ')) ? 0 : words.every((w) => title.includes(w)) ? 1 : 2;
    ranked.push({ reply, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.reply);
}

/** The draft with the `/query` (or, from the menu, the caret's place) replaced by the answer. */
export function insertQuickReply(draft: string, at: { start: number; end: number }, text: string): { draft: string; caret: number } {
  const next = draft.slice(0, at.start) + text + draft.slice(at.end);
  return { draft: next, caret: at.start + text.length };
}
