import type { Metadata } from 'next';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults, TOO_LONG_MESSAGE } from '@/components/search/search-results';
import { search } from '@/lib/search/index';

export const metadata: Metadata = { title: 'Søk', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function YoungSearchPage({ searchParams }: Props) {
  // The search words only shape this one answer: they are never logged, stored, counted or sent anywhere.
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q) ?? '';
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
