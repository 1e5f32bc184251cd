import { Link } from '@/components/site-link';
import type { Article } from '@/lib/content/schema';

const collator = new Intl.Collator('nb');

/** Articles sorted by title the way Norwegians sort (æ, ø, å last). */
export function byTitle<T extends Pick<Article, 'title'>>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => collator.compare(a.title, b.title));
}

type Item = Pick<Article, 'slug' | 'title' | 'summary'> & { href: string };

/** A list of articles: the title as a link, the summary beneath. */
export function ArticleList({ items }: { items: readonly Item[] }) {
  return (
    <ul className="mt-3 space-y-4">
      {items.map((item) => (
        <li key={item.slug}>
          <Link href={item.href} className="text-lg font-semibold text-brand-dark underline">
            {item.title}
          </Link>
          <p className="mt-1">{item.summary}</p>
        </li>
      ))}
    </ul>
  );
}
