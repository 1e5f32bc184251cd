import Link from 'next/link';
import { siteName } from '@/lib/site';

export function SiteFooter({ contactEmail }: { contactEmail: string }) {
  return (
    <footer className="mt-16 border-t border-brand/20 bg-sand">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 md:grid-cols-2">
        <div>
          <h2 className="text-lg font-semibold">Kontakt oss</h2>
          <p>
            E-post: <a href={`mailto:${contactEmail}`} className="text-brand-dark underline">{contactEmail}</a>
          </p>
          <p className="text-muted">Ved fare for liv og helse: ring 113.</p>
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
          </ul>
        </div>
      </div>
    </footer>
  );
}
