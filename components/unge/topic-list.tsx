import { Link } from '@/components/site-link';
import type { AgeBand } from '@/lib/content/age-bands';
import type { YoungTopic } from '@/lib/content/schema';
import { BandText, perBand } from './band-text';

/** The middle band's wording is what the prerendered page and visitors without a choice see. */
export const DEFAULT_BAND: AgeBand = '10-13';

/** The children's topics as large cards; titles and summaries follow the chosen age band. */
export function TopicList({ topics, headingLevel = 'h2' }: { topics: readonly YoungTopic[]; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link
            href={`/unge/${topic.slug}`}
            className="block h-full rounded-3xl bg-white p-5 text-ink no-underline shadow-sm ring-1 ring-brand/15 hover:ring-2 hover:ring-brand"
          >
            <Heading className="text-xl font-bold text-brand-dark underline decoration-2 underline-offset-4">
              <BandText texts={perBand((band) => topic.variants[band].title)} fallback={DEFAULT_BAND} />
            </Heading>
            <p className="mt-2 text-base">
              <BandText texts={perBand((band) => topic.variants[band].summary)} fallback={DEFAULT_BAND} />
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
