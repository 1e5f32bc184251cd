import Link from 'next/link';
import { PrivacyNoticeSlot } from '@/components/privacy-notice-slot';
import { QuickExit } from '@/components/quick-exit';
import { SkipLink } from '@/components/skip-link';
import { env } from '@/lib/env';

export default function YoungLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-[#fdf6ec]">
      <SkipLink />
      <header className="bg-white px-4 py-4 pr-44">
        <QuickExit href={env().QUICK_EXIT_URL} />
        <Link href="/unge" className="text-2xl font-bold text-brand-dark no-underline hover:underline">
          Hjelpelinje for unge
        </Link>
      </header>
      <PrivacyNoticeSlot />
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8 text-lg focus:outline-none">
        {children}
      </main>
      <footer className="mx-auto max-w-3xl px-4 pb-10">
        <p>
          <Link href="/personvern" className="text-brand-dark underline">Personvern</Link>
          {' · '}
          <Link href="/" className="text-brand-dark underline">Til sidene for voksne</Link>
        </p>
      </footer>
    </div>
  );
}
