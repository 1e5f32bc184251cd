import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
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
      // Legacy mode runs axe.run() in the page itself, where the default opens a blank page for
      // every scan to merge frame results (~3 s a scan on this machine against ~0.8 s); it would
      // skip cross-origin frames, and our pages have no frames. Only the violations' nodes are
      // collected: they are all the check reads.
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .setLegacyMode(true)
        .options({ resultTypes: ['violations'] })
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
});

export { expect };
