import { expect, test } from '../test/fixtures';

// The guard every test relies on (test/browser.ts, test/fixtures.ts): if it let a request out,
// or stopped recording, a page that called a third party would pass unnoticed. Navigations
// are used because the site's own policy would stop a fetch before the browser sent it.
test('the test browser reaches nothing but this machine, and records what it tried @claim:bare-egne-skript', async ({ page, foreignRequests }, testInfo) => {
  test.skip(testInfo.project.name !== 'pglite', 'the browser is the same on both databases');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const url of ['https://example.org/', 'http://192.0.2.10/']) {
    await expect(page.goto(url), url).rejects.toThrow(/ERR_PROXY_CONNECTION_FAILED/);
  }
  expect(foreignRequests).toEqual(['https://example.org/', 'http://192.0.2.10/']);
  // Both were the test's own doing: cleared, so the check after the test passes.
  foreignRequests.length = 0;
});
