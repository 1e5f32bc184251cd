import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test';
import axeCore from 'axe-core';
import { freshDatabase, startApp, startAs, type RunningApp, type TestDatabase } from './app';
import { ContactPage } from './contact-page';
import { signIn, type StaffAccount } from './staff-pages';

/**
 * Shared fixtures. Every test's browser may only reach the app on 127.0.0.1: the browser sends
 * everything else to a proxy that does not exist (test/browser.ts), so it never leaves the
 * machine, and each such request is recorded; the test fails if there was one, which also
 * proves that no page calls a third party. A test that follows the quick exit asks for
 * `neutralSite`: the quick-exit target, answered with a stand-in page in that test's browser.
 *
 * Page objects come as fixtures too: `contactPage` is the contact form on the test's page, and
 * `staffPage(baseURL, account)` signs a staff member in, in a browser of their own.
 *
 * For a test that needs the app in a state of its own (test/app.ts): `ownDatabase` is a fresh
 * database of the test's own (`freshDatabase`), made only when a test asks for it and dropped
 * after it; `startOwnApp(env, { port } | { as })` starts the built app on that database, with
 * `env` added to the database's variables (`startApp`, or `startAs` given `as`). Every app it
 * started is stopped after the test, before the database goes; one the test stopped itself is
 * left as it is. Where the tests of a describe block share one app, `shareOwnApp(setUp)` does
 * the same once for the whole block, in its beforeAll and afterAll.
 */
export const NEUTRAL_SITE = 'https://www.yr.no/';

/** What axe checks: WCAG 2.1 A and AA, and axe's best practices. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Whether a request the browser made goes to anywhere but this machine. */
function isForeign(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(protocol)) return false;
  return !(hostname === 'localhost' || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname));
}

/** Records in `foreign` every request of `context` to anywhere but this machine. */
function recordForeign(context: BrowserContext, foreign: string[]): void {
  context.on('request', (request) => {
    const url = request.url();
    if (url !== NEUTRAL_SITE && isForeign(url)) foreign.push(url);
  });
}

/** `code`: sign in with this one (a test of a used code); `context`: how their browser is set up. */
type StaffPageOptions = { code?: string; context?: BrowserContextOptions };

/** How `startOwnApp` starts the app: on this port (`startApp`), or as `startAs` starts it. */
type OwnAppOptions = { port?: number; as?: never } | { as: 'npm start' | 'next start'; port?: never };
export type StartOwnApp = (env?: Record<string, string>, options?: OwnAppOptions) => Promise<RunningApp>;

/** Starts apps on `db`, keeping each one in `started` so that it can be stopped later. */
function appStarter(db: () => Promise<TestDatabase>, started: RunningApp[]): StartOwnApp {
  return async (env = {}, { port, as } = {}) => {
    const appEnv = { ...(await db()).env, ...env };
    const app = as ? await startAs(as, appEnv) : await startApp(appEnv, { port });
    started.push(app);
    return app;
  };
}

/** Stops every app in `started`, in turn (stop() returns at once for one already stopped). */
async function stopAll(started: RunningApp[]): Promise<void> {
  for (const app of started) await app.stop();
}

type Fixtures = {
  ownDatabase: TestDatabase;
  startOwnApp: StartOwnApp;
  foreignRequests: string[];
  neutralSite: string;
  axe: (page: Page) => Promise<void>;
  contactPage: ContactPage;
  staffPage: (baseURL: string, account: StaffAccount, options?: StaffPageOptions) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  ownDatabase: async ({}, provide, testInfo) => {
    const db = await freshDatabase(testInfo);
    await provide(db);
    await db.dispose();
  },
  // Depends on ownDatabase, so its apps are stopped before the database is dropped.
  startOwnApp: async ({ ownDatabase }, provide) => {
    const started: RunningApp[] = [];
    await provide(appStarter(async () => ownDatabase, started));
    await stopAll(started);
  },
  // Listening costs next to nothing; routing every request through the test (as an earlier
  // version did) made each page load about half as slow again.
  foreignRequests: async ({ context }, provide) => {
    const foreign: string[] = [];
    recordForeign(context, foreign);
    await provide(foreign);
    expect(foreign, 'requests to anywhere but the app').toEqual([]);
  },
  neutralSite: async ({ context }, provide) => {
    await context.route(NEUTRAL_SITE, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Været</title><h1>Været</h1>' }),
    );
    await provide(NEUTRAL_SITE);
  },
  page: async ({ page, foreignRequests }, provide) => {
    void foreignRequests;
    await provide(page);
  },
  contactPage: async ({ page }, provide) => {
    await provide(new ContactPage(page));
  },
  // Each staff member signs in to an app the test started on its own database, so this is a
  // function of that app and account rather than one page per role. Their browser is a context
  // of its own, closed after the test unless the test closed it first.
  staffPage: async ({ browser, foreignRequests }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (baseURL, account, { code, context } = {}) => {
      const staffContext = await browser.newContext(context);
      recordForeign(staffContext, foreignRequests);
      opened.push(staffContext);
      const page = await staffContext.newPage();
      await signIn(page, baseURL, account, code);
      return page;
    });
    await Promise.all(opened.map((c) => c.close()));
  },
  axe: async ({}, provide) => {
    await provide(async (page: Page) => {
      // axe is put into the page once per document and then run as often as asked: parsing
      // axe's 550 kB took longer than a scan itself, and @axe-core/playwright's builder parses
      // it again for every scan (two per page, one at each width). Our pages have no frames,
      // so the page's own document is all there is to scan. Only the violations' nodes are
      // collected: they are all the check reads.
      const loaded = await page.evaluate(() => 'axe' in window);
      if (!loaded) await page.evaluate(axeCore.source);
      const summary = await page.evaluate(async (tags) => {
        const { axe } = window as unknown as { axe: typeof axeCore };
        const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, axeTags);
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
});

/** What `shareOwnApp` hands its set-up: the block's database (made on first call) and a starter. */
type SharedSetUp = { database: () => Promise<TestDatabase>; startOwnApp: StartOwnApp };

/**
 * One app for all the tests of a describe block (starting one costs seconds), called in the
 * block. In the block's beforeAll `setUp` prepares what the tests need, starts the app with
 * `startOwnApp` and returns what the tests use (the app, the accounts it added, the database);
 * the tests read that with the function returned. The database is made when `setUp` first asks
 * for it, so a `test.skip` before that makes none. After the block's last test every app
 * started is stopped and the database dropped.
 */
export function shareOwnApp<T>(setUp: (own: SharedSetUp, testInfo: TestInfo) => Promise<T>): () => T {
  let made: Promise<TestDatabase> | undefined;
  let shared: { value: T } | undefined;
  const started: RunningApp[] = [];
  test.beforeAll(async ({}, testInfo) => {
    const database = () => (made ??= freshDatabase(testInfo));
    shared = { value: await setUp({ database, startOwnApp: appStarter(database, started) }, testInfo) };
  });
  test.afterAll(async () => {
    await stopAll(started.splice(0));
    const dropping = made;
    // Cleared, so that a block run again in this worker (--repeat-each) gets a fresh database.
    made = undefined;
    shared = undefined;
    await (await dropping)?.dispose();
  });
  return () => {
    if (!shared) throw new Error('shareOwnApp: read before its beforeAll ran');
    return shared.value;
  };
}

export { expect };
