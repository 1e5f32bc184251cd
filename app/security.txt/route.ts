import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { publicRoute } from '@/lib/public/route';
import { securityContacts, securityTxt } from '@/lib/security-txt';

/**
 * security.txt, from the configuration of the running server (not the build). RFC 9116 names
 * /.well-known/security.txt; next.config.ts rewrites that address here, because the app router
 * does not route folders whose name starts with a dot. /security.txt itself is the RFC's legacy
 * location, so answering there too is allowed.
 */
export const dynamic = 'force-dynamic';

export const GET = publicRoute({
  event: 'security_txt',
  failed: 'Sikkerhetskontakten kan ikke vises akkurat nå. Prøv igjen om litt.',
  run: async () => {
    const config = env();
    const body = securityTxt({ contacts: securityContacts(config), siteUrl: config.SITE_URL, now: appClock().now() });
    return new Response(body, {
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
    });
  },
});
