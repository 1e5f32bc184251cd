import { expect, type Page } from '@playwright/test';

/**
 * React has hydrated the page: it has attached its fibres to the elements it rendered. Until
 * then a click on a link is an ordinary navigation and a key press reaches no handler, so a
 * test of what the scripts do waits for this first, however slow the machine is.
 */
export async function expectHydrated(page: Page, what = page.url()) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__reactFiber'))), { message: `${what} hydrates` })
    .toBe(true);
}
