/**
 * Every security header the site sends, defined once. `next.config.ts` `headers()` and
 * `proxy.ts` send them, so they hold however the build is started (`npm start`, plain
 * `next start`, a platform); our own HTTP server sets the same values on the answers it writes
 * itself (refusals, the outage page) and may only make the CSP of a page narrower.
 *
 * CSP: script files come from our own origin; no inline script runs unless the policy names it.
 * Pages Next prerendered at build time carry the hashes of their inline scripts, after a check
 * that each one only hands React's and Next's data to the browser (inline-scripts.ts); pages
 * rendered per request get a fresh nonce from proxy.ts, which Next puts on its own scripts.
 */
export type Header = { key: string; value: string };

export const securityHeaders: readonly Header[] = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  {
    key: 'Permissions-Policy',
    value:
      'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), ' +
      'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), ' +
      'browsing-topics=(), interest-cohort=()',
  },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'X-DNS-Prefetch-Control', value: 'off' },
];

/** Staff pages and sign-in answers hold personal data: no browser or proxy may store them. */
export const STAFF_CACHE_CONTROL = 'private, no-store';

/** The staff paths, as `headers()` sources (path-to-regexp) and as a test on a request URL. */
export const staffPathSources = ['/staff', '/staff/:path*', '/api/auth/:path*'] as const;

/**
 * The chat's route handlers, which answer JSON or an event stream and never a page: they get
 * the resource policy from `headers()`, and proxy.ts (whose matcher leaves these prefixes
 * out) spends nothing on them. Auth.js (`/api/auth`) stays with the pages: it can answer HTML.
 */
export const handlerPathPrefixes = ['/chat/api/', '/staff/chat/api/'] as const;

export function isStaffPath(url: string): boolean {
  return url === '/staff' || url.startsWith('/staff/') || url.startsWith('/staff?') || url.startsWith('/api/auth');
}

/** A course participant's own booking page, reached by the token in its address: stored nowhere either. */
export const bookingPathSources = ['/kurs/bestilling/:path*', '/kurs/betaling/:path*'] as const;

/** Pages no browser or proxy may store: the staff's, a participant's booking and their return from paying. */
export function isPrivatePath(url: string): boolean {
  return isStaffPath(url) || url.startsWith('/kurs/bestilling/') || url.startsWith('/kurs/betaling/');
}

const shared = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
];

/**
 * The policy of an HTML page. Development keeps React's refresh runtime working (a nonce would
 * switch 'unsafe-inline' off, so there is none); production never allows inline code or eval.
 */
export function documentCsp({ scriptHashes, nonce, dev }: { scriptHashes: readonly string[]; nonce?: string; dev: boolean }): string {
  const script = dev
    ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'"
    : ["script-src 'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...scriptHashes.map((h) => `'${h}'`)].join(' ');
  const style = dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'";
  return [...shared, script, style].join('; ');
}

/** For anything that is not an HTML document: nothing may run or be framed. */
export const resourceCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
