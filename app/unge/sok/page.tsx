import type { Metadata } from 'next';
import { queryOf, YoungSearch } from '@/components/search/search-page';

export const metadata: Metadata = { title: 'Søk', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function YoungSearchPage({ searchParams }: Props) {
  return <YoungSearch query={queryOf(await searchParams)} />;
}
