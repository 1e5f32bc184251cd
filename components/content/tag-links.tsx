import { Link } from '@/components/site-link';
import type { Tag } from '@/lib/content/schema';

/** The topics an article belongs to, each linking to its topic page. */
export function TagLinks({ tags }: { tags: readonly Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-labelledby="tema-heading" className="mt-10">
      <h2 id="tema-heading" className="text-xl font-semibold">
        Temaer
      </h2>
      <ul className="mt-3 flex flex-wrap gap-3">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link href={`/tema/${tag.slug}`} className="text-brand-dark underline">
              {tag.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
