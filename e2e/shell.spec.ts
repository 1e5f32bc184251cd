import { expect, test } from '../test/fixtures';

test.describe('page shell', () => {
  test('home page: Norwegian, skip link first, navigation and footer', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du er ikke alene');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnholdet' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    for (const [name, href] of [
      ['I helsetjenesten', '/i-helsetjenesten'],
      ['På skolen', '/pa-skolen'],
      ['I arbeidslivet', '/i-arbeidslivet'],
      ['For studenter', '/for-studenter'],
      ['Kurs', '/kurs'],
      ['Kontakt', '/kontakt'],
      ['For barn og unge', '/unge'],
    ]) {
      await expect(nav.getByRole('link', { name: name!, exact: true })).toHaveAttribute('href', href!);
    }

    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: 'kontakt@hjelpelinje.no' })).toHaveAttribute('href', 'mailto:kontakt@hjelpelinje.no');
    await footer.getByRole('link', { name: 'Personvernerklæring', exact: true }).click();
    await expect(page).toHaveURL(/\/personvern$/);
  });

  test('every navigation target answers with its own page', async ({ page }) => {
    for (const [href, heading] of [
      ['/i-helsetjenesten', 'I helsetjenesten'],
      ['/pa-skolen', 'På skolen'],
      ['/i-arbeidslivet', 'I arbeidslivet'],
      ['/for-studenter', 'For studenter'],
      ['/kurs', 'Kurs for pårørende'],
      ['/kontakt', 'Kontakt oss'],
    ]) {
      const response = await page.goto(href!);
      expect(response?.status(), href).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
    }
  });

  test('an unknown address gets a friendly Norwegian 404 page', async ({ page }) => {
    const response = await page.goto('/denne-siden-finnes-ikke');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi fant ikke siden');
    await expect(page.getByText('Det er ikke noe du har gjort feil.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Gå til forsiden' })).toBeVisible();
  });

  test('pages run their scripts under the Content-Security-Policy without a violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto('/unge');
    // The quick-exit button only answers Escape once React has hydrated the page.
    await expect(page.getByRole('link', { name: /Rask utgang/ })).toBeVisible();
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.goto('/personvern');
    await page.getByRole('link', { name: 'Se alle versjoner' }).click();
    await expect(page).toHaveURL(/\/personvern\/versjoner$/);
    expect(violations).toEqual([]);
  });
});
