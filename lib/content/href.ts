import type { Article } from './schema';

/** Where an article is read when no section is given: its first section. */
export function articleHref(article: Pick<Article, 'slug' | 'sections'>, section: string = article.sections[0]!): string {
  return `/${section}/${article.slug}`;
}
