import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'nodemailer'],
  poweredByHeader: false,
  // The HTTP server in lib/server compresses HTML itself after it has hashed the inline
  // scripts for the Content-Security-Policy; Next compresses everything else.
  compress: true,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
