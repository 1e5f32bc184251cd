import { SearchForm } from '@/components/search/search-form';
import { SearchResults, TOO_LONG_MESSAGE } from '@/components/search/search-results';
import { search } from '@/lib/search/index';

/**
 * What the two search pages show inside their frame: the heading, the form with the words,
 * and the answer. Next renders it as the page; the app's server renders it alone, into the
 * frame around it, for each search after the first (lib/server/search-page.ts). It takes
 * nothing but the words and whose page it is, so both give the same HTML.
 *
 * The search words only shape this one answer: they are never logged, stored, counted or sent anywhere.
 */
const PAGES = {
  adult: { scope: 'all', action: '/sok', id: 'sok', label: 'Hva leter du etter?', intro: 'Søk i alle artiklene og i sidene for barn og unge.', introClass: 'mt-4 text-lg' },
  young: { scope: 'unge', action: '/unge/sok', id: 'unge-sok', label: 'Hva vil du lese om?', intro: 'Her kan du finne sidene våre for barn og unge.', introClass: 'mt-4' },
} as const;

export function SearchPage({ query, audience }: { query: string; audience: keyof typeof PAGES }) {
  const page = PAGES[audience];
  const result = search(query, { scope: page.scope });
  const body = (
    <>
      <h1 className="text-3xl font-bold">Søk</h1>
      <p className={page.introClass}>{page.intro}</p>
      <div className="mt-6">
        <SearchForm
          action={page.action}
          id={page.id}
          label={page.label}
          defaultValue={query}
          error={result.status === 'too-long' ? TOO_LONG_MESSAGE[audience] : undefined}
        />
      </div>
      <SearchResults query={query.trim()} result={result} audience={audience} />
    </>
  );
  // The children's layout sets the width itself.
  return audience === 'adult' ? <div className="max-w-3xl">{body}</div> : body;
}

/** The words of a search page's address, as Next gives them to the page: the first `q`. */
export function queryOf(params: Record<string, string | string[] | undefined>): string {
  const { q } = params;
  return (Array.isArray(q) ? q[0] : q) ?? '';
}
