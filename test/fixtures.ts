import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import axeCore from 'axe-core';
import { ContactPage } from './contact-page';
import { signIn, type StaffAccount } from './staff-pages';

/**
 * Shared fixtures. Every test's browser may only reach the app on 127.0.0.1: any other request
 * is stopped and recorded, and the test fails if there was one, which also proves that no page
 * calls a third party. The quick-exit target is answered with a stand-in page instead.
 *
 * Page objects come as fixtures too: `contactPage` is the contact form on the test's page, and
 * `staffPage(baseURL, account)` signs a staff member in, in a browser of their own.
 */
/** What axe checks: WCAG 2.1 A and AA, and axe's best practices. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export const NEUTRAL_SITE = 'https://www.yr.no/';

/** `code`: sign in with this one (a test of a used code); `context`: how their browser is set up. */
type StaffPageOptions = { code?: string; context?: BrowserContextOptions };

type Fixtures = {
  foreignRequests: string[];
  axe: (page: Page) => Promise<void>;
  contactPage: ContactPage;
  staffPage: (baseURL: string, account: StaffAccount, options?: StaffPageOptions) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  foreignRequests: async ({ context }, provide) => {
    const foreign: string[] = [];
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      async (route) => {
        const url = route.request().url();
        if (url === NEUTRAL_SITE) {
          await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Været</title><h1>Været</h1>' });
          return;
        }
        foreign.push(url);
        await route.abort('blockedbyclient');
      },
    );
    await provide(foreign);
    expect(foreign, 'requests to anywhere but the app').toEqual([]);
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
  staffPage: async ({ browser }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (baseURL, account, { code, context } = {}) => {
      const staffContext = await browser.newContext(context);
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

export { expect };
