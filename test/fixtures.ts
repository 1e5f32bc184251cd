import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Shared fixtures. Every test's browser may only reach the app on 127.0.0.1: any other request
 * is stopped and recorded, and the test fails if there was one, which also proves that no page
 * calls a third party. The quick-exit target is answered with a stand-in page instead.
 */
export const NEUTRAL_SITE = 'https://www.yr.no/';

type Fixtures = {
  foreignRequests: string[];
  axe: (page: Page) => Promise<void>;
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
