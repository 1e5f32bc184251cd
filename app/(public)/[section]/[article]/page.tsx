import type { Metadata } from 'next';
import { Link } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/content/article-list';
import { articleHref } from '@/lib/content/href';
import { ReviewedDate } from '@/components/content/reviewed-date';
import { SourceList } from '@/components/content/source-list';
import { TagLinks } from '@/components/content/tag-links';
import { Markdown } from '@/components/markdown';
import { sections } from '@/content/sections';
import { loadContent } from '@/lib/content/load';
import { relatedArticles } from '@/lib/content/related';

export const dynamicParams = false;

/** One page per (section, article) pair; a content error here fails the build, as it should. */
export function generateStaticParams() {
  return loadContent().articles.flatMap((a) => a.sections.map((section) => ({ section, article: a.slug })));
}

type Props = { params: Promise<{ section: string; article: string }> };

async function findArticle(params: Props['params']) {
  const { section, article: slug } = await params;
  const content = loadContent();
  const article = content.articles.find((a) => a.slug === slug && a.sections.includes(section));
  return { content, article, section: sections.find((s) => s.slug === section) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await findArticle(params);
  return article ? { title: article.title, description: article.summary } : {};
}

export default async function ArticlePage({ params }: Props) {
  const { content, article, section } = await findArticle(params);
  if (!article || !section) notFound();
  const tags = article.tags.flatMap((slug) => content.tags.filter((t) => t.slug === slug));
  const related = relatedArticles(article, content.articles, { limit: 4 });
  return (
    <article className="max-w-3xl">
      <nav aria-label="Du er her" className="mb-4 text-base">
        <ol className="flex flex-wrap gap-x-2 text-muted">
          <li>
            <Link href="/" className="text-brand-dark underline">Forside</Link>
            <span aria-hidden="true"> /</span>
          </li>
          <li>
            <Link href={`/${section.slug}`} className="text-brand-dark underline">{section.title}</Link>
          </li>
        </ol>
      </nav>
      <h1 className="text-3xl font-bold">{article.title}</h1>
      <p className="mt-4 text-lg">{article.summary}</p>
      <ReviewedDate reviewed={article.reviewed} />
      <div className="mt-8">
        <Markdown source={article.body} />
      </div>
      <SourceList sources={article.sources} id="kilder-overskrift" />
      <TagLinks tags={tags} />
      {related.length > 0 && (
        <section aria-labelledby="relatert-heading" className="mt-10">
          <h2 id="relatert-heading" className="text-xl font-semibold">
            Relatert innhold
          </h2>
          <ArticleList items={related.map((a) => ({ ...a, href: articleHref(a) }))} />
        </section>
      )}
    </article>
  );
}
