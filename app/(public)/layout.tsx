import { PrivacyNoticeSlot } from '@/components/privacy-notice-slot';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { SkipLink } from '@/components/skip-link';
import { env } from '@/lib/env';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <PrivacyNoticeSlot />
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter contactEmail={env().CONTACT_EMAIL} />
    </>
  );
}
