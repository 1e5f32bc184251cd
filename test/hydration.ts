import { expect, type Page } from '@playwright/test';

/**
 * The page's scripts are ready: React has hydrated the page (it has attached its fibres to the
 * elements it rendered); or, on the children's pages, which run no React, their island has
 * marked <html> (components/unge/island.js); or the page is a document with no script at all. Until then a click on a link is an ordinary
 * navigation and a key press reaches no handler, so a test of what the scripts do waits for
 * this first, however slow the machine is.
 */
export async function expectHydrated(page: Page, what = page.url()) {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__reactFiber')) ||
            document.documentElement.hasAttribute('data-js') ||
            (document.readyState === 'complete' && document.scripts.length === 0),
        ),
      { message: `${what} hydrates` },
    )
    .toBe(true);
}
