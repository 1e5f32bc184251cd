import Link from 'next/link';
import { SiteShell } from '@/components/site-shell';
import { EMERGENCY_SENTENCE } from '@/lib/help-numbers';

export const metadata = { title: 'Fant ikke siden' };

export default function NotFound() {
  return (
    <SiteShell narrow>
      <h1 className="text-3xl font-bold">Vi fant ikke siden</h1>
      <p className="mt-4 text-lg">
        Siden du leter etter finnes ikke, eller den har fått en ny adresse. Det er ikke noe du har gjort feil.
      </p>
      <ul className="mt-6 list-disc space-y-2 pl-6">
        <li><Link href="/" className="text-brand-dark underline">Gå til forsiden</Link></li>
        <li><Link href="/kontakt" className="text-brand-dark underline">Ta kontakt med oss</Link></li>
        <li><Link href="/unge" className="text-brand-dark underline">Sider for barn og unge</Link></li>
      </ul>
      <p className="mt-6">Trenger du hjelp nå? {EMERGENCY_SENTENCE}</p>
    </SiteShell>
  );
}
