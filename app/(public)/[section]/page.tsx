import type { Metadata } from 'next';
import { Link } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { ArticleList, byTitle } from '@/components/content/article-list';
import { articleHref } from '@/lib/content/href';
import { findSection, sections } from '@/content/sections';
import { loadContent } from '@/lib/content/load';

export const dynamicParams = false;

export function generateStaticParams() {
  return sections.map((s) => ({ section: s.slug }));
}

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = findSection((await params).section);
  return { title: section?.title };
}

export default async function SectionPage({ params }: Props) {
  const section = findSection((await params).section);
  if (!section) notFound();
  const articles = byTitle(loadContent().articles.filter((a) => a.sections.includes(section.slug)));
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">{section.title}</h1>
      <p className="mt-4 text-lg">{section.lead}</p>
      <h2 className="mt-8 text-xl font-semibold">Dette kan vi hjelpe deg med</h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        {section.points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      {articles.length > 0 && (
        <section aria-labelledby="artikler-heading">
          <h2 id="artikler-heading" className="mt-8 text-xl font-semibold">
            Les mer
          </h2>
          <ArticleList items={articles.map((a) => ({ ...a, href: articleHref(a, section.slug) }))} />
        </section>
      )}
      <p className="mt-8">
        Lurer du på noe om din situasjon? <Link href="/kontakt" className="text-brand-dark underline">Ta kontakt med oss</Link>,
        så får du svar fra en fagkonsulent.
      </p>
    </article>
  );
}
