/** What ranking needs from an article; `Article` from ./schema fits. */
export type RelatableArticle = {
  slug: string;
  title: string;
  tags: readonly string[];
  /** YYYY-MM-DD, so later dates sort after earlier ones as strings. */
  reviewed: string;
};

/**
 * Articles that share at least one tag with `article`, best first: most shared tags, then most
 * recently reviewed, then title (Norwegian collation). The article itself (same slug) is never included.
 */
export function relatedArticles<T extends RelatableArticle>(
  article: RelatableArticle,
  all: readonly T[],
  { limit = 4 }: { limit?: number } = {},
): T[] {
  const own = new Set(article.tags);
  const collator = new Intl.Collator('nb');
  return all
    .filter((other) => other.slug !== article.slug)
    .map((other) => ({ other, shared: new Set(other.tags.filter((t) => own.has(t))).size }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        (a.other.reviewed < b.other.reviewed ? 1 : a.other.reviewed > b.other.reviewed ? -1 : 0) ||
        collator.compare(a.other.title, b.other.title),
    )
    .slice(0, Math.max(0, limit))
    .map(({ other }) => other);
}
