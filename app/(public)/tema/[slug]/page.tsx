import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleList, byTitle } from '@/components/content/article-list';
import { articleHref } from '@/lib/content/href';
import { DEFAULT_BAND } from '@/components/unge/topic-list';
import { AGE_BANDS } from '@/lib/content/age-bands';
import { loadContent } from '@/lib/content/load';

export const dynamicParams = false;

export function generateStaticParams() {
  return loadContent().tags.map((t) => ({ slug: t.slug }));
}

type Props = { params: Promise<{ slug: string }> };

async function findTag(params: Props['params']) {
  const { slug } = await params;
  const content = loadContent();
  return { content, tag: content.tags.find((t) => t.slug === slug) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag } = await findTag(params);
  return tag ? { title: tag.name, description: tag.description } : {};
}

export default async function TagPage({ params }: Props) {
  const { content, tag } = await findTag(params);
  if (!tag) notFound();
  const articles = byTitle(content.articles.filter((a) => a.tags.includes(tag.slug)));
  // A children's topic has the tag when any of its three variants has it.
  const topics = content.youngTopics
    .filter((t) => AGE_BANDS.some((band) => t.variants[band].tags.includes(tag.slug)))
    .map((t) => ({ ...t.variants[DEFAULT_BAND], slug: t.slug, href: `/unge/${t.slug}` }));
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">{tag.name}</h1>
      <p className="mt-4 text-lg">{tag.description}</p>
      <section aria-labelledby="artikler-heading">
        <h2 id="artikler-heading" className="mt-8 text-xl font-semibold">
          Artikler
        </h2>
        {articles.length > 0 ? (
          <ArticleList items={articles.map((a) => ({ ...a, href: articleHref(a) }))} />
        ) : (
          <p className="mt-3">Vi har ingen artikler om dette temaet ennå.</p>
        )}
      </section>
      {topics.length > 0 && (
        <section aria-labelledby="unge-heading">
          <h2 id="unge-heading" className="mt-10 text-xl font-semibold">
            For barn og unge
          </h2>
          <ArticleList items={byTitle(topics)} />
        </section>
      )}
    </article>
  );
}
