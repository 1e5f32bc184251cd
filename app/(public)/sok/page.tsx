import type { Metadata } from 'next';
import { AdultSearch, queryOf } from '@/components/search/search-page';

export const metadata: Metadata = { title: 'Søk', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  return <AdultSearch query={queryOf(await searchParams)} />;
}
