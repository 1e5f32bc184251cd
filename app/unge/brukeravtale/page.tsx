import type { Metadata } from 'next';
import { ReviewedDate } from '@/components/content/reviewed-date';
import { SourceList } from '@/components/content/source-list';
import { Markdown } from '@/components/markdown';
import { loadContent } from '@/lib/content/load';

export function generateMetadata(): Metadata {
  const { agreement } = loadContent();
  return { title: agreement.title, description: agreement.summary };
}

export default function YoungAgreementPage() {
  const { agreement } = loadContent();
  return (
    <article>
      <h1 className="text-3xl font-bold sm:text-4xl">{agreement.title}</h1>
      <p className="mt-4 text-xl">{agreement.summary}</p>
      <div className="mt-8">
        <Markdown source={agreement.body} />
      </div>
      {agreement.sources && <SourceList sources={agreement.sources} id="kilder-overskrift" />}
      <ReviewedDate reviewed={agreement.reviewed} className="mt-6 text-base" />
    </article>
  );
}
