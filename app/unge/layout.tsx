import Link from 'next/link';
import { PrivacyNoticeSlot } from '@/components/privacy-notice-slot';
import { QuickExit } from '@/components/quick-exit';
import { SkipLink } from '@/components/skip-link';
import { HelpBox } from '@/components/unge/help-box';
import { env } from '@/lib/env';

const navigation = [
  { href: '/unge', label: 'Temaer' },
  { href: '/unge/sok', label: 'Søk' },
  { href: '/chat', label: 'Chat' },
  { href: '/unge/brukeravtale', label: 'Brukeravtale' },
] as const;

/**
 * The children's site: warmer colours, bigger text, the quick-exit button (and Escape) on every
 * page, and the help numbers at the foot of every page.
 */
export default function YoungLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-[#fdf6ec]">
      <SkipLink />
      <header className="bg-white shadow-sm">
        <QuickExit href={env().QUICK_EXIT_URL} />
        <div className="mx-auto max-w-3xl px-4 pt-4 pb-3">
          {/* Room on the right for the quick-exit button, which stays fixed in the corner. */}
          <Link href="/unge" className="mr-40 inline-block text-xl font-bold sm:text-2xl text-brand-dark no-underline hover:underline">
            Hjelpelinje for unge
          </Link>
          <nav aria-label="Meny for unge" className="mt-3">
            <ul className="flex flex-wrap gap-2 text-base">
              {navigation.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="inline-block rounded-full bg-brand-light px-4 py-2 font-semibold text-brand-dark no-underline hover:underline"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <PrivacyNoticeSlot />
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 text-lg focus:outline-none">
        {children}
      </main>
      <div className="mx-auto w-full max-w-3xl px-4 pb-8 text-lg">
        <HelpBox />
      </div>
      <footer className="bg-white">
        <ul className="mx-auto flex max-w-3xl flex-wrap gap-x-5 gap-y-2 px-4 py-6">
          <li>
            <Link href="/unge/brukeravtale" className="text-brand-dark underline">
              Brukeravtale
            </Link>
          </li>
          <li>
            <Link href="/personvern" className="text-brand-dark underline">
              Personvern
            </Link>
          </li>
          <li>
            {/* The query keeps this link on the adult front page where UNGE_HOST makes / the children's. */}
            <Link href="/?voksen" className="text-brand-dark underline">
              Til sidene for voksne
            </Link>
          </li>
        </ul>
      </footer>
    </div>
  );
}
