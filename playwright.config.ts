import { chromium, defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable, howToGetABrowser, playwrightHasOwnChromium } from './test/browser';

/**
 * End-to-end tests in Chromium against the built app, started the way `npm start` starts it.
 * Always on a fresh PGlite folder; also on a fresh PostgreSQL database when TEST_DATABASE_URL
 * (an admin connection) is set. Each database gets its own server and its own project.
 */
const executablePath = chromiumExecutable();
if (!executablePath && !playwrightHasOwnChromium(() => chromium.executablePath())) {
  throw new Error(howToGetABrowser);
}

// Small embedded databases start about a second sooner with a small buffer cache (lib/env.ts);
// the servers, the apps the specs start and the commands they run all inherit it.
process.env.PGLITE_SHARED_BUFFERS ??= '16MB';

const pgAdmin = process.env.TEST_DATABASE_URL;
// E2E_PORT_BASE lets two test runs share a machine (each needs two free ports from there).
const portBase = Number(process.env.E2E_PORT_BASE ?? 3211);
const targets = [
  { name: 'pglite', port: portBase, env: {} as Record<string, string> },
  ...(pgAdmin ? [{ name: 'postgres', port: portBase + 1, env: { E2E_ADMIN_DATABASE_URL: pgAdmin } }] : []),
];

const config: PlaywrightTestConfig = defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Two files at a time (the machines here have two cores); tests within a file run in order.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Caps for a loaded machine, not speed targets: a test that starts its own app (up to 90 s
  // in startApp) and then scans with axe ran out of 60 s on two busy cores (chat.spec.ts
  // outside opening hours at load ~25; privacy.spec.ts:55 in the issue). A hung test still
  // fails, only later.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    browserName: 'chromium',
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    launchOptions: { executablePath, args: chromiumArgs },
    // No trace by default: recording one (DOM snapshots and a screencast of every action)
    // made each page load about 40 % slower here, for every test, to keep the few that fail.
    // A failure still leaves its page's accessibility snapshot and a screenshot in
    // test-results/; for a full trace run `npx playwright test --trace retain-on-failure`.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: targets.map((t) => ({
    name: t.name,
    use: { baseURL: `http://127.0.0.1:${t.port}` },
    metadata: { database: t.name },
    // Specs that never reach the database (headers, quick exit, axe on pages that read nothing
    // that differs between the two, the weight and steadiness of prerendered pages) run once, on
    // PGlite; every spec that stores or reads data runs on both.
    ...(t.name === 'postgres' ? { testIgnore: ['**/shell.spec.ts', '**/headers.spec.ts', '**/quick-exit.spec.ts', '**/accessibility.spec.ts', '**/content.spec.ts', '**/unge.spec.ts', '**/one-history-entry.spec.ts', '**/search.spec.ts', '**/page-weight.spec.ts'] } : {}),
  })),
  // One migrated database of each kind, copied by the specs that start an app of their own.
  globalSetup: './test/e2e-templates.ts',
  webServer: targets.map((t) => ({
    command: 'node --import tsx test/serve.ts',
    url: `http://127.0.0.1:${t.port}/`,
    reuseExistingServer: false,
    timeout: 240_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...t.env,
      PORT: String(t.port),
      HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      // Every test sends from 127.0.0.1; the limit itself is tested on an app of its own.
      INQUIRY_RATE_LIMIT: '1000',
      // The children's own host name; e2e/unge.spec.ts asks for it in the Host header.
      UNGE_HOST: 'unge.localhost',
      // The chat page in the page-wide checks shows its open state, whatever the time of day.
      CHAT_HOURS: 'alltid',
    },
  })),
});

export default config;
