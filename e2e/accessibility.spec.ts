import { scanAtEachWidth, scanWidths } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { inBatches, publicPages } from '../test/pages';

// Every public page, scanned at 320 px and at desktop width. One browser page walks through a
// batch of them: a fresh browser context per page starts a new renderer and a cold axe each
// time, about twice the work of the scan itself. The batches are tests of their own, so the
// two workers share them, and a failure names the page it was found on.
test.describe.configure({ mode: 'parallel' });
// Each page opens at the first width; scanAtEachWidth resizes it for the others.
test.use({ viewport: scanWidths[0].viewport });

for (const batch of inBatches(publicPages, 8)) {
  test(`no violations at 320 px and at desktop width on ${batch.join(', ')}`, async ({ page, axe }) => {
    for (const path of batch) {
      await test.step(path, async () => {
        await page.setViewportSize(scanWidths[0].viewport);
        await page.goto(path);
        // One shown: a children's topic holds a title per age band, and shows one of them.
        await expect(page.locator('h1').filter({ visible: true }), `one h1 on ${path}`).toHaveCount(1);
        await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
      });
    }
  });
}
