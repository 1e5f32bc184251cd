import { PrivacyNoticeSlot } from '@/components/privacy-notice-slot';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { SkipLink } from '@/components/skip-link';
import { env } from '@/lib/env';

/** The adult site's frame: skip link, header, privacy notice, main content, footer. */
export function SiteShell({ children, narrow = false }: { children: React.ReactNode; narrow?: boolean }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <PrivacyNoticeSlot />
      <main
        id="hovedinnhold"
        tabIndex={-1}
        className={`mx-auto px-4 focus:outline-none ${narrow ? 'max-w-3xl py-12' : 'max-w-5xl py-8'}`}
      >
        {children}
      </main>
      <SiteFooter contactEmail={env().CONTACT_EMAIL} />
    </>
  );
}
