import { Link } from '@/components/site-link';
import { LinkList } from '@/components/link-list';
import { mainNavigation, siteName } from '@/lib/site';

/**
 * The adult site's header: the name, and the menu on a line of its own below it. Nothing in it
 * is placed by the size of what comes later, so a browser that draws the page before the whole
 * menu has arrived draws nothing that moves when the rest comes (e2e/page-weight.spec.ts). So
 * the menu is not pushed to the right edge by its own width, it does not share a line with the
 * name (where a half-arrived last link could fit and the whole one not), and the search icon
 * comes after its word, so the word does not move when the icon arrives.
 */
export function SiteHeader() {
  return (
    <header className="border-b border-brand/20 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col items-start gap-3 px-4 py-4">
        <Link href="/" className="text-2xl font-bold text-brand-dark no-underline hover:underline">
          {siteName}
        </Link>
        <nav aria-label="Hovedmeny">
          <LinkList items={mainNavigation} className="flex flex-wrap gap-x-4 gap-y-2 text-base" linkClassName="text-brand-dark underline-offset-4 hover:underline">
            <li>
              <Link href="/sok" className="flex items-center gap-1 text-brand-dark underline-offset-4 hover:underline">
                Søk
                <SearchIcon />
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
