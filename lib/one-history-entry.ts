/**
 * The children's pages and the chat hold one entry in the browser's history between them: a
 * move inside them replaces the entry instead of adding one, so after the quick exit (which
 * replaces that entry too) Back leads to the page before the site, never to one of ours. A link
 * that only points at a place on the page (a skip link) adds no entry either; a link that
 * leaves these sections adds one as usual. None of these pages runs React: their island
 * (components/unge/island.js) keeps the rule, with these sections as its settings;
 * e2e/one-history-entry.spec.ts walks it.
 */
export const ONE_ENTRY_SECTIONS = ['/unge', '/chat'] as const;
