import type { NextConfig } from 'next';
import { SERVER_ACTION_BODY_LIMIT } from './lib/server/body-limits';
import { bookingPathSources, handlerPathPrefixes, resourceCsp, securityHeaders, STAFF_CACHE_CONTROL, staffPathSources } from './lib/security/headers';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'nodemailer'],
  poweredByHeader: false,
  // The HTTP server in lib/server compresses HTML itself after it has hashed the inline
  // scripts for the Content-Security-Policy; Next compresses everything else.
  compress: true,
  reactStrictMode: true,
  typedRoutes: false,
  // Our HTTP server refuses larger bodies before Next reads them (lib/server/body-limits.ts);
  // Next's own parser holds the same line. A 404 for an unknown address is a document of its
  // own (app/global-not-found.tsx), so no page carries the whole site frame twice.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT }, globalNotFound: true },
  // The fixed headers, here so they hold however the build is started. Pages get their
  // Content-Security-Policy from proxy.ts (a nonce per request); files and the chat's JSON and
  // event-stream handlers get the resource policy.
  async headers() {
    return [
      { source: '/:path*', headers: [...securityHeaders] },
      { source: '/_next/:path*', headers: [{ key: 'Content-Security-Policy', value: resourceCsp }] },
      { source: '/favicon.ico', headers: [{ key: 'Content-Security-Policy', value: resourceCsp }] },
      ...handlerPathPrefixes.map((prefix) => ({ source: `${prefix}:path*`, headers: [{ key: 'Content-Security-Policy', value: resourceCsp }] })),
      ...[...staffPathSources, ...bookingPathSources].map((source) => ({ source, headers: [{ key: 'Cache-Control', value: STAFF_CACHE_CONTROL }] })),
    ];
  },
  // RFC 9116's address for security.txt; the app router does not route a folder named
  // `.well-known`, so the handler lives at app/security.txt (the RFC's legacy address).
  async rewrites() {
    return [{ source: '/.well-known/security.txt', destination: '/security.txt' }];
  },
};

export default nextConfig;
