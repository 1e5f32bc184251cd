import { scanAtEachWidth, scanWidths } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { publicPages } from '../test/pages';

// Each page is its own test, so the two workers share the list.
test.describe.configure({ mode: 'parallel' });
// The page opens at the first width; scanAtEachWidth resizes it for the others.
test.use({ viewport: scanWidths[0].viewport });

for (const path of publicPages) {
  test(`no violations on ${path}, at 320 px and at desktop width`, async ({ page, axe }) => {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  });
}
