import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviewedDate } from '@/components/content/reviewed-date';
import { SourceList } from '@/components/content/source-list';
import { TagLinks } from '@/components/content/tag-links';
import { Markdown } from '@/components/markdown';
import { DEFAULT_BAND, TopicList } from '@/components/unge/topic-list';
import { VariantSwitch } from '@/components/unge/variant-switch';
import { AGE_BANDS, AGE_BAND_LABELS } from '@/lib/content/age-bands';
import { loadContent } from '@/lib/content/load';

export const dynamicParams = false;

/** One static page per topic, holding all three variants; the browser shows the chosen one. */
export function generateStaticParams() {
  return loadContent().youngTopics.map((t) => ({ topic: t.slug }));
}

type Props = { params: Promise<{ topic: string }> };

async function findTopic(params: Props['params']) {
  const { topic: slug } = await params;
  const content = loadContent();
  return { content, topic: content.youngTopics.find((t) => t.slug === slug) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { topic } = await findTopic(params);
  if (!topic) return {};
  const shown = topic.variants[DEFAULT_BAND];
  return { title: shown.title, description: shown.summary };
}

export default async function YoungTopicPage({ params }: Props) {
  const { content, topic } = await findTopic(params);
  if (!topic) notFound();
  const tagSlugs = new Set(AGE_BANDS.flatMap((band) => topic.variants[band].tags));
  const tags = content.tags.filter((t) => tagSlugs.has(t.slug));
  const others = content.youngTopics.filter((t) => t.slug !== topic.slug);
  return (
    <article>
      <VariantSwitch
        fallback={DEFAULT_BAND}
        variants={AGE_BANDS.map((band) => {
          const variant = topic.variants[band];
          return {
            band,
            title: variant.title,
            content: (
              <>
                <p className="text-xl">{variant.summary}</p>
                <div className="mt-6">
                  <Markdown source={variant.body} headingShift={1} />
                </div>
                {/* Sources are for the older readers; every variant says when it was last checked. */}
                {band !== 'under-10' && (
                  <SourceList sources={variant.sources} headingLevel="h3" id={`kilder-${band}`} regionName={`Kilder, ${AGE_BAND_LABELS[band]}`} />
                )}
                <ReviewedDate reviewed={variant.reviewed} className="mt-6 text-base" />
              </>
            ),
          };
        })}
      />
      <TagLinks tags={tags} />
      <nav aria-labelledby="flere-temaer" className="mt-12">
        <h2 id="flere-temaer" className="text-2xl font-bold">
          Andre ting du kan lese om
        </h2>
        <TopicList topics={others} headingLevel="h3" />
      </nav>
    </article>
  );
}
