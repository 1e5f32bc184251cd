import type { NextConfig } from 'next';
import { SERVER_ACTION_BODY_LIMIT } from './lib/server/body-limits';

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
  // Next's own parser holds the same line.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT } },
};

export default nextConfig;
