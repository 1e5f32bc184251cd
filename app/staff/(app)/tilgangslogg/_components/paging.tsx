import Link from 'next/link';

const link = 'rounded-lg border-2 border-brand px-4 py-1 font-semibold text-brand-dark no-underline hover:bg-brand-light';

/** Previous and next page, keeping the filter. Plain links, so they work without JavaScript. */
export function Paging({ page, hasNext, query }: { page: number; hasNext: boolean; query: URLSearchParams }) {
  if (page === 1 && !hasNext) return null;
  const href = (to: number) => {
    const q = new URLSearchParams(query);
    if (to > 1) q.set('side', String(to));
    else q.delete('side');
    const s = q.toString();
    return s ? `/staff/tilgangslogg?${s}` : '/staff/tilgangslogg';
  };
  return (
    <nav aria-label="Sider i tilgangsloggen" className="flex flex-wrap items-center gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={link}>
          Nyere rader
        </Link>
      ) : null}
      <span aria-current="page">Side {page}</span>
      {hasNext ? (
        <Link href={href(page + 1)} rel="next" className={link}>
          Eldre rader
        </Link>
      ) : null}
    </nav>
  );
}
