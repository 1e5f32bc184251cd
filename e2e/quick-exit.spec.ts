import { expect, test } from '../test/fixtures';
import { expectHydrated } from '../test/hydration';

test.describe('quick exit (Rask utgang)', () => {
  test('the button replaces the page, so Back does not return to it', async ({ page, neutralSite }) => {
    await page.goto('/');
    await page.goto('/unge');
    await expectHydrated(page);
    await page.evaluate(() => sessionStorage.setItem('hl-test', 'x'));
    await page.getByRole('link', { name: /Rask utgang/ }).click();
    await expect(page).toHaveURL(neutralSite);
    await page.goBack();
    await expect(page).not.toHaveURL(/\/unge/);
  });

  test('the Escape key does the same', async ({ page, neutralSite }) => {
    await page.goto('/');
    await page.goto('/unge');
    await expectHydrated(page);
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(neutralSite);
    await page.goBack();
    await expect(page).not.toHaveURL(/\/unge/);
  });

  test('it clears what the site kept in sessionStorage', async ({ page, neutralSite }) => {
    await page.goto('/unge');
    await expectHydrated(page);
    await page.evaluate(() => sessionStorage.setItem('hl-test', 'x'));
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(neutralSite);
    await page.goto('/unge');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });
});

test.describe('quick exit without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('it is a plain link to the neutral site', async ({ page, neutralSite }) => {
    await page.goto('/unge');
    const link = page.getByRole('link', { name: /Rask utgang/ });
    await expect(link).toHaveAttribute('href', neutralSite);
    await link.click();
    await expect(page).toHaveURL(neutralSite);
  });
});
