import { SearchForm } from '@/components/search/search-form';
import { SearchResults, TOO_LONG_MESSAGE } from '@/components/search/search-results';
import { search } from '@/lib/search/index';

/**
 * What the two search pages show inside their frame: the heading, the form with the words,
 * and the answer. Next renders it as the page; the app's server renders it alone, into the
 * frame around it, for each search after the first (lib/server/search-page.tsx). It takes
 * nothing but the words, so both give the same HTML.
 *
 * The search words only shape this one answer: they are never logged, stored, counted or sent anywhere.
 */
export function AdultSearch({ query }: { query: string }) {
  const result = search(query, { scope: 'all' });
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Søk</h1>
      <p className="mt-4 text-lg">Søk i alle artiklene og i sidene for barn og unge.</p>
      <div className="mt-6">
        <SearchForm
          action="/sok"
          id="sok"
          label="Hva leter du etter?"
          defaultValue={query}
          error={result.status === 'too-long' ? TOO_LONG_MESSAGE.adult : undefined}
        />
      </div>
      <SearchResults query={query.trim()} result={result} audience="adult" />
    </div>
  );
}

export function YoungSearch({ query }: { query: string }) {
  const result = search(query, { scope: 'unge' });
  return (
    <>
      <h1 className="text-3xl font-bold">Søk</h1>
      <p className="mt-4">Her kan du finne sidene våre for barn og unge.</p>
      <div className="mt-6">
        <SearchForm
          action="/unge/sok"
          id="unge-sok"
          label="Hva vil du lese om?"
          defaultValue={query}
          error={result.status === 'too-long' ? TOO_LONG_MESSAGE.young : undefined}
        />
      </div>
      <SearchResults query={query.trim()} result={result} audience="young" />
    </>
  );
}

/** The words of a search page's address, as Next gives them to the page: the first `q`. */
export function queryOf(params: Record<string, string | string[] | undefined>): string {
  const { q } = params;
  return (Array.isArray(q) ? q[0] : q) ?? '';
}
