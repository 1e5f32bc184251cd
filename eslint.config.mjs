import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Modules db/ may import: rules and plumbing with no database and no request behind them
 * (configuration, logging, dates, crypto, retention dates, limits, tokens, parsers). Each
 * imports only packages and other modules of this list, never db/ nor the rest of lib/; the
 * zones below hold both sides to it. Paths from the repository root; a folder covers all its
 * files.
 */
const PURE_LIB = [
  'lib/env.ts',
  'lib/log.ts',
  'lib/process-wide.ts',
  'lib/dates.ts',
  'lib/front-matter.ts',
  'lib/crypto',
  'lib/retention',
  'lib/chat/message-limit.ts',
  'lib/chat/quick-replies.ts',
  'lib/chat/reference.ts',
  'lib/chat/token.ts',
  'lib/stats/chat-waits.ts',
  'lib/inquiries/phone.ts',
  'lib/inquiries/reference.ts',
  'lib/privacy/rules.ts',
  'lib/privacy/version-file.ts',
  'lib/privacy/claim-markers.ts',
];

const fromRoot = (p) => `./${p}`;
const fromLib = (p) => `./${p.replace(/^lib\//, '')}`;

/**
 * Dependencies point one way: app → components → lib → db, with the pure modules above beside
 * db. Tests (`*.test.ts(x)`), their support in test/, e2e/ and scripts/ (the command-line tools
 * and the bench) are left out: they wire the layers together, as a test seeds through db/ and
 * checks through lib/.
 */
const layers = {
  files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'db/**/*.ts', 'proxy.ts'],
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'import/no-restricted-paths': [
      'error',
      {
        basePath: import.meta.dirname,
        zones: [
          {
            target: './db',
            from: './lib',
            except: PURE_LIB.map(fromLib),
            message: 'db/ imports only the pure lib modules (PURE_LIB in eslint.config.mjs); move the logic up into lib/ or make the part db/ needs pure.',
          },
          { target: './db', from: ['./app', './components'], message: 'db/ is the bottom layer: app → components → lib → db.' },
          {
            target: PURE_LIB.map(fromRoot),
            from: './lib',
            except: PURE_LIB.map(fromLib),
            message: 'A pure module imports only packages and other pure modules (PURE_LIB in eslint.config.mjs).',
          },
          { target: PURE_LIB.map(fromRoot), from: './db', message: 'A pure module never imports db/ (PURE_LIB in eslint.config.mjs).' },
          { target: './lib', from: ['./app', './components'], message: 'lib/ never imports app/ or components/: app → components → lib → db.' },
          { target: './components', from: './app', message: 'components/ never imports app/: app → components → lib → db.' },
        ],
      },
    ],
  },
};

/** Every drizzle query lives in db/queries/; the layers above call those functions. */
const queriesInDb = {
  files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'proxy.ts'],
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Write the query as a function in db/queries/ and call it.' }] },
    ],
  },
};

/**
 * Public and children's pages link with components/site-link.tsx, which never prefetches; this
 * repeats queriesInDb's rule, since a later block's no-restricted-imports replaces an earlier one.
 */
const noPrefetch = {
  files: ['app/(public)/**/*.tsx', 'app/unge/**/*.tsx', 'app/chat/**/*.tsx', 'components/**/*.tsx'],
  ignores: ['**/*.test.tsx', 'components/staff/**', 'components/site-link.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'next/link', message: "Link with { Link } from '@/components/site-link': it never prefetches another page on a visitor's data." }],
        patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Write the query as a function in db/queries/ and call it.' }],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  layers,
  queriesInDb,
  noPrefetch,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.bench/**'],
  },
];

export default config;
