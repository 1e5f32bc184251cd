import { Link } from '@/components/site-link';
import { LinkList } from '@/components/link-list';
import { mainNavigation, siteName } from '@/lib/site';

export function SiteHeader() {
  return (
    <header className="border-b border-brand/20 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-4 md:flex-row md:items-center md:justify-between">
        <Link href="/" className="text-2xl font-bold text-brand-dark no-underline hover:underline">
          {siteName}
        </Link>
        <nav aria-label="Hovedmeny">
          <LinkList items={mainNavigation} className="flex flex-wrap gap-x-4 gap-y-2 text-base" linkClassName="text-brand-dark underline-offset-4 hover:underline">
            <li>
              <Link href="/sok" className="inline-flex items-center gap-1 text-brand-dark underline-offset-4 hover:underline">
                <SearchIcon />
                Søk
              </Link>
            </li>
          </LinkList>
        </nav>
      </div>
    </header>
  );
}

function SearchIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m12.5 12.5 5 5" />
    </svg>
  );
}
