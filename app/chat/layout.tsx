import Link from 'next/link';
import { PrivacyNoticeSlot } from '@/components/privacy-notice-slot';
import { QuickExit } from '@/components/quick-exit';
import { SkipLink } from '@/components/skip-link';
import { env } from '@/lib/env';

/** The chat's own frame: calm, with the quick-exit button (and Escape) always in reach. */
export default function ChatLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-[#fdf6ec]">
      <SkipLink />
      <header className="bg-white shadow-sm">
        <QuickExit href={env().QUICK_EXIT_URL} endUrl="/chat/api/avslutt" />
        <div className="mx-auto max-w-3xl px-4 py-4">
          <Link href="/chat" className="mr-40 inline-block text-xl font-bold text-brand-dark no-underline hover:underline sm:text-2xl">
            Hjelpelinje – chat
          </Link>
        </div>
      </header>
      <PrivacyNoticeSlot />
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 text-lg focus:outline-none">
        {children}
      </main>
      <footer className="bg-white">
        <ul className="mx-auto flex max-w-3xl flex-wrap gap-x-5 gap-y-2 px-4 py-6">
          <li>
            <Link href="/unge" className="text-brand-dark underline">For barn og unge</Link>
          </li>
          <li>
            <Link href="/unge/brukeravtale" className="text-brand-dark underline">Brukeravtale</Link>
          </li>
          <li>
            <Link href="/personvern" className="text-brand-dark underline">Personvern</Link>
          </li>
          <li>
            <Link href="/" className="text-brand-dark underline">Sidene for voksne</Link>
          </li>
        </ul>
      </footer>
    </div>
  );
}
