import type { Metadata } from 'next';
import { queryOf, SearchPage as Search } from '@/components/search/search-page';

export const metadata: Metadata = { title: 'Søk', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function YoungSearchPage({ searchParams }: Props) {
  return <Search query={queryOf(await searchParams)} audience="young" />;
}
