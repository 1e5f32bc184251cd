import type { Source } from '@/lib/content/schema';
import { IsoDay } from './reviewed-date';

/**
 * "Kilder": the public sources a page rests on, each with the day an editor last checked it.
 * The links leave the site, so they say where they go and never send a referrer (the site's
 * policy is no-referrer already).
 */
export function SourceList({
  sources,
  headingLevel = 'h2',
  id,
  regionName,
}: {
  sources: readonly Source[];
  headingLevel?: 'h2' | 'h3';
  id: string;
  /** A name of its own for the region when a page has more than one list (one per age band). */
  regionName?: string;
}) {
  const Heading = headingLevel;
  return (
    <section {...(regionName ? { 'aria-label': regionName } : { 'aria-labelledby': id })} className="mt-10 border-t border-brand/15 pt-6">
      <Heading id={id} className="text-xl font-semibold">
        Kilder
      </Heading>
      <ul className="mt-3 space-y-2">
        {sources.map((source) => (
          <li key={source.url}>
            <a href={source.url} rel="noreferrer" className="text-brand-dark underline [overflow-wrap:anywhere]">
              {source.title}
            </a>
            <span className="block text-sm text-muted">
              {hostOf(source.url)}, kontrollert <IsoDay day={source.checked} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `lovdata.no` for `https://lovdata.no/lov/…`: the reader sees where a link goes before following it. */
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
