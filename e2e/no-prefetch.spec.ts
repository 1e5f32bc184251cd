import type { Page, Request } from '@playwright/test';
import { expect, test } from '../test/fixtures';
import { expectHydrated } from '../test/hydration';

/**
 * A visitor on mobile data pays for every byte: a page fetches nothing for pages the visitor
 * has not chosen to open. Next's Link fetches a linked page's flight data ahead of time when the
 * link scrolls into view; every public and children's link turns that off, so an article and a
 * children's topic, read to the end, ask the server for nothing more than themselves.
 */
const PAGES = ['/i-helsetjenesten/rett-til-informasjon-som-parorende', '/unge/nar-noen-dor', '/'];

/** A request for another page's flight data (a prefetch, or a client navigation's payload). */
async function isFlightData(request: Request): Promise<boolean> {
  const headers = await request.allHeaders();
  return new URL(request.url()).searchParams.has('_rsc') || 'rsc' in headers || 'next-router-prefetch' in headers;
}

async function readToTheEnd(page: Page, path: string): Promise<string[]> {
  const flight: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('request', (request) => {
    pending.push(isFlightData(request).then((yes) => void (yes && flight.push(request.url()))));
  });
  await page.goto(path);
  await expectHydrated(page);
  // Every link on the page comes into view, as it does for a reader scrolling down.
  for (const link of await page.locator('a[href^="/"]').all()) await link.scrollIntoViewIfNeeded();
  // Next prefetches when the browser is idle; give it ample time to.
  await page.waitForTimeout(1500);
  await Promise.all(pending);
  return flight;
}

test.describe('no prefetching', () => {
  for (const path of PAGES) {
    test(`${path} fetches no other page's data while it is read`, async ({ page }) => {
      expect(await readToTheEnd(page, path)).toEqual([]);
    });
  }
});
