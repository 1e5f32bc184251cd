import Link from 'next/link';
import { mainNavigation, siteName } from '@/lib/site';

export function SiteHeader() {
  return (
    <header className="border-b border-brand/20 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-4 md:flex-row md:items-center md:justify-between">
        <Link href="/" className="text-2xl font-bold text-brand-dark no-underline hover:underline">
          {siteName}
        </Link>
        <nav aria-label="Hovedmeny">
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-base">
            {mainNavigation.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-brand-dark underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
