import Link from 'next/link';
import { PrivacyNoticeSlot } from '@/components/privacy-notice-slot';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { SkipLink } from '@/components/skip-link';
import { env } from '@/lib/env';

export const metadata = { title: 'Fant ikke siden' };

export default function NotFound() {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <PrivacyNoticeSlot />
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-12 focus:outline-none">
        <h1 className="text-3xl font-bold">Vi fant ikke siden</h1>
        <p className="mt-4 text-lg">
          Siden du leter etter finnes ikke, eller den har fått en ny adresse. Det er ikke noe du har gjort feil.
        </p>
        <ul className="mt-6 list-disc space-y-2 pl-6">
          <li><Link href="/" className="text-brand-dark underline">Gå til forsiden</Link></li>
          <li><Link href="/kontakt" className="text-brand-dark underline">Ta kontakt med oss</Link></li>
          <li><Link href="/unge" className="text-brand-dark underline">Sider for barn og unge</Link></li>
        </ul>
        <p className="mt-6">Trenger du hjelp nå? Ved fare for liv og helse: ring 113.</p>
      </main>
      <SiteFooter contactEmail={env().CONTACT_EMAIL} />
    </>
  );
}
