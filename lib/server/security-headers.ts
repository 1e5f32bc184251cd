/**
 * Headers every response carries, and the Content-Security-Policy.
 *
 * CSP choice: pages stay prerendered, so a per-request nonce is out. Instead the server
 * hashes, per HTML response, the inline scripts React and Next write to hand their data to
 * the browser, after checking that each one is only such a data hand-over (see
 * inline-scripts.ts), and lists those hashes in `script-src`. Anything else inline, such as
 * an injected `<script>`, gets no hash and does not run. Script files come from our own origin.
 */
export const baseSecurityHeaders: ReadonlyArray<readonly [string, string]> = [
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  [
    'Permissions-Policy',
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), ' +
      'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), ' +
      'browsing-topics=(), interest-cohort=()',
  ],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['X-DNS-Prefetch-Control', 'off'],
];

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

export function documentCsp({ scriptHashes, dev }: { scriptHashes: readonly string[]; dev: boolean }): string {
  // Development keeps React's refresh runtime working; production never allows inline or eval.
  const script = dev
    ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'"
    : ["script-src 'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' ');
  const style = dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'";
  return [...shared, script, style].join('; ');
}

/** For anything that is not an HTML document: nothing may run or be framed. */
export const resourceCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
