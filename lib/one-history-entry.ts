/**
 * The children's pages and the chat hold one entry in the browser's history between them: a
 * move inside them replaces the entry instead of adding one, so after the quick exit (which
 * replaces that entry too) Back leads to the page before the site, never to one of ours.
 */
export const ONE_ENTRY_SECTIONS = ['/unge', '/chat'] as const;

export function inOneEntrySection(pathname: string): boolean {
  return ONE_ENTRY_SECTIONS.some((section) => pathname === section || pathname.startsWith(`${section}/`));
}

/**
 * What a link from `here` to `target` (both absolute) should do: `in-page` when it only points
 * at a place on this page (a skip link), `replace` when it stays inside the sections above, and
 * `browser` when it leaves them or the site, where the browser (or Next's Link) adds an entry
 * as usual.
 */
export type HistoryMove = 'in-page' | 'replace' | 'browser';

export function historyMove(target: URL, here: URL): HistoryMove {
  if (target.origin !== here.origin) return 'browser';
  if (target.hash !== '' && target.pathname === here.pathname && target.search === here.search) return 'in-page';
  return inOneEntrySection(target.pathname) ? 'replace' : 'browser';
}
