import type { Metadata } from 'next';
import './globals.css';
import { NotFoundMessage } from '@/components/not-found-message';
import { SiteShell } from '@/components/site-shell';
import { siteName } from '@/lib/site';

export { viewport } from './layout';

export const metadata: Metadata = { title: `Fant ikke siden – ${siteName}`, referrer: 'no-referrer' };

/**
 * An address no route knows: a whole document of its own (next.config.ts, globalNotFound),
 * so the pages themselves need not carry the adult site's frame a second time for a 404.
 */
export default function GlobalNotFound() {
  return (
    <html lang="nb">
      <body className="min-h-screen bg-paper">
        <SiteShell narrow>
          <NotFoundMessage />
        </SiteShell>
      </body>
    </html>
  );
}
