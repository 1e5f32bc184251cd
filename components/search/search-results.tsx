import { Link } from '@/components/site-link';
import type { SearchHit, SearchResult, SnippetSegment } from '@/lib/search/index';
import { audienceSections } from '@/lib/site';

type Audience = 'adult' | 'young';

/** What the search pages say when a query is over the length or word limit. */
export const TOO_LONG_MESSAGE: Record<Audience, string> = {
  adult: 'Søket er for langt. Skriv noen få ord, høyst 10 ord og 200 tegn.',
  young: 'Du skrev veldig mye. Prøv med ett eller to ord.',
};

/**
 * The answer to a search: how many hits, then the hits (for adults grouped by audience), or
 * advice when there are none. Renders nothing before a search or when the query was too long.
 */
export function SearchResults({ query, result, audience }: { query: string; result: SearchResult; audience: Audience }) {
  if (query === '' || result.status === 'too-long') return null;
  const count = result.hits.length;
  const heading =
    audience === 'adult'
      ? count === 0
        ? `Ingen treff for «${query}»`
        : `${count} treff for «${query}»`
      : `Vi fant ${count === 0 ? 'ingen' : count} ${count === 1 ? 'side' : 'sider'} om «${query}»`;
  const articles = result.hits.filter((h) => h.kind === 'article');
  const topics = result.hits.filter((h) => h.kind === 'topic');
  return (
    <section aria-labelledby="treff" className="mt-8">
      <h2 id="treff" className="text-2xl font-bold">
        {heading}
      </h2>
      {count === 0 ? (
        audience === 'adult' ? <AdultAdvice /> : <YoungAdvice />
      ) : audience === 'young' ? (
        <HitList hits={result.hits} />
      ) : (
        <>
          <HitGroup id="treff-voksne" title="For voksne" hits={articles} />
          <HitGroup id="treff-unge" title="For barn og unge" hits={topics} />
        </>
      )}
    </section>
  );
}

function HitGroup({ id, title, hits }: { id: string; title: string; hits: readonly SearchHit[] }) {
  if (hits.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-6">
      <h3 id={id} className="text-xl font-semibold">
        {title}
      </h3>
      <HitList hits={hits} />
    </section>
  );
}

function HitList({ hits }: { hits: readonly SearchHit[] }) {
  return (
    <ul className="mt-3 space-y-6">
      {hits.map((hit) => (
        <li key={hit.href}>
          <Link href={hit.href} className="text-lg font-semibold text-brand-dark underline">
            {hit.title}
          </Link>
          <p className="mt-1">{hit.summary}</p>
          {hit.snippet.length > 0 ? <Snippet segments={hit.snippet} /> : null}
        </li>
      ))}
    </ul>
  );
}

function Snippet({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <p className="mt-1 text-muted">
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-notice px-0.5 text-ink">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}

function AdultAdvice() {
  return (
    <>
      <p className="mt-3">Vi fant ingen sider som passer til søket ditt. Dette kan hjelpe:</p>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>Sjekk at ordene er stavet riktig.</li>
        <li>Prøv med færre ord, eller et annet ord for det samme.</li>
        <li>
          Bla gjennom sidene{' '}
          {audienceSections.map((s, i) => (
            <span key={s.href}>
              {i > 0 ? (i === audienceSections.length - 1 ? ' og ' : ', ') : null}
              <Link href={s.href} className="text-brand-dark underline">
                {s.label}
              </Link>
            </span>
          ))}
          .
        </li>
      </ul>
      <p className="mt-4">
        Finner du ikke det du leter etter? <Link href="/kontakt" className="text-brand-dark underline">Ta kontakt med oss</Link>, så
        hjelper vi deg.
      </p>
    </>
  );
}

function YoungAdvice() {
  return (
    <>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>Se om ordet er skrevet riktig.</li>
        <li>Prøv med ett eller to ord, for eksempel «skole» eller «sorg».</li>
        <li>
          Se alle temaene på <Link href="/unge" className="text-brand-dark underline">forsiden</Link>.
        </li>
      </ul>
      <p className="mt-4">
        Du kan alltid snakke med en voksen du stoler på, eller skrive til oss i{' '}
        <Link href="/chat" className="text-brand-dark underline">chatten</Link>.
      </p>
    </>
  );
}
