import { Link } from '@/components/site-link';
import type { ReactNode } from 'react';
import { LinkList, type LinkItem } from '@/components/link-list';
import { PrivacyNoticeSlot } from '@/components/privacy-notice-slot';
import { QuickExit } from '@/components/quick-exit';
import { SkipLink } from '@/components/skip-link';
import { env } from '@/lib/env';

type Props = {
  /** The site's name at the top, linking to its start. */
  home: LinkItem;
  /** Where the quick-exit button ends a running chat before it leaves. */
  quickExitEnd?: string;
  /** A menu under the name. */
  nav?: ReactNode;
  /** Between the page and the footer. */
  beforeFooter?: ReactNode;
  footerLinks: readonly LinkItem[];
  children: ReactNode;
};

/**
 * The frame of the children's pages and the chat: a warm, calm page in bigger text, with the
 * quick-exit button (and Escape) always in reach. Moves inside the frame share one entry of
 * the browser's history, so Back after the quick exit does not come here. All of them are sent
 * without Next's scripts; their island (components/unge/island.js) does what needs a script.
 */
export function YoungFrame({ home, quickExitEnd, nav, beforeFooter, footerLinks, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col bg-[#fdf6ec]">
      <SkipLink />
      <header className="bg-white shadow-sm">
        <QuickExit href={env().QUICK_EXIT_URL} endUrl={quickExitEnd} />
        <div className={nav ? 'mx-auto max-w-3xl px-4 pt-4 pb-3' : 'mx-auto max-w-3xl px-4 py-4'}>
          {/* Room on the right for the quick-exit button, which stays fixed in the corner. */}
          <Link href={home.href} className="mr-40 inline-block text-xl font-bold text-brand-dark no-underline hover:underline sm:text-2xl">
            {home.label}
          </Link>
          {nav}
        </div>
      </header>
      <PrivacyNoticeSlot />
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 text-lg focus:outline-none">
        {children}
      </main>
      {beforeFooter}
      <footer className="bg-white">
        <LinkList items={footerLinks} className="mx-auto flex max-w-3xl flex-wrap gap-x-5 gap-y-2 px-4 py-6" linkClassName="text-brand-dark underline" />
      </footer>
    </div>
  );
}
