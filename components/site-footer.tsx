import { Link } from '@/components/site-link';
import { siteName } from '@/lib/site';
import { EMERGENCY_SENTENCE, LEGEVAKT_SENTENCE } from '@/lib/help-numbers';

export function SiteFooter({ contactEmail }: { contactEmail: string }) {
  return (
    <footer className="mt-16 border-t border-brand/20 bg-sand">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 md:grid-cols-2">
        <div>
          <h2 className="text-lg font-semibold">Kontakt oss</h2>
          <p>
            E-post: <a href={`mailto:${contactEmail}`} className="text-brand-dark underline">{contactEmail}</a>
          </p>
          <p className="mt-2">{EMERGENCY_SENTENCE}</p>
          <p>{LEGEVAKT_SENTENCE}</p>
        </div>
        <div>
          <h2 className="text-lg font-semibold">Om {siteName}</h2>
          <ul>
            <li>
              <Link href="/personvern" className="text-brand-dark underline">Personvernerklæring</Link>
            </li>
            <li>
              <Link href="/personvern/versjoner" className="text-brand-dark underline">Tidligere versjoner av personvernerklæringen</Link>
            </li>
            <li>
              <Link href="/apenhet" className="text-brand-dark underline">Åpenhet om sletting</Link>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
