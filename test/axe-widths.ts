import { expect, test, type Page } from '@playwright/test';

/** The two widths every page is scanned at: the narrowest phone we support, and a desktop. */
export const scanWidths = [
  { label: '320 px', viewport: { width: 320, height: 720 } },
  { label: 'desktop', viewport: { width: 1280, height: 900 } },
] as const;

/**
 * Scans the page already loaded at each width in turn, resizing it in place: the layout is CSS
 * media queries (no script reads the width), which a resize re-applies, so a second load per
 * width would only repeat the server's and the parser's work. With `noSidewaysScroll`, the
 * page must also fit its width at each one.
 */
export async function scanAtEachWidth(page: Page, axe: (page: Page) => Promise<void>, { noSidewaysScroll = false } = {}): Promise<void> {
  for (const { label, viewport } of scanWidths) {
    await test.step(`axe at ${label}`, async () => {
      await page.setViewportSize(viewport);
      await expect.poll(() => page.evaluate(() => window.innerWidth), `the page is ${viewport.width} px wide`).toBe(viewport.width);
      await axe(page);
      if (!noSidewaysScroll) return;
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `no sideways scrolling at ${label} on ${page.url()}`).toBeLessThanOrEqual(0);
    });
  }
}
