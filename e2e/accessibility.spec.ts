import { expect, test } from './support/fixtures';
import { publicPages } from './support/pages';

// Each page is its own test, so the two workers share the list.
test.describe.configure({ mode: 'parallel' });

for (const [label, viewport] of [
  ['320 px', { width: 320, height: 720 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  test.describe(`axe at ${label}`, () => {
    test.use({ viewport });
    for (const path of publicPages) {
      test(`no violations on ${path}`, async ({ page, axe }) => {
        await page.goto(path);
        await expect(page.locator('h1')).toHaveCount(1);
        await axe(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
      });
    }
  });
}
