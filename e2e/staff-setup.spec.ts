import { expect, test } from '../test/fixtures';
import { totpNow, trySignIn } from '../test/staff-pages';

/** First start with no staff: the printed one-time link creates the first administrator. */
test.describe('first administrator', () => {
  test.setTimeout(120_000);

  test('the link printed at start sets up password and second factor, once', async ({ page, startOwnApp }) => {
    const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' });
    const link = /\/staff\/oppsett\/[A-Za-z0-9_-]+/.exec(app.output())?.[0];
    expect(link, 'a setup link in the start output').toBeTruthy();

    await page.goto(app.baseURL + link!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opprett den første administratoren');
    await expect(page.getByRole('img', { name: 'QR-kode for autentiseringsappen' })).toBeVisible();
    const secret = (await page.locator('code').first().textContent())!.trim();
    await page.getByLabel('Navn').fill('Anne Admin');
    await page.getByLabel('E-post').fill('anne@example.org');

    // A common password is refused, with everything else kept.
    await page.getByLabel('Velg passord').fill('password1234');
    await page.getByLabel('Kode fra appen').fill(totpNow(secret));
    await page.getByRole('button', { name: 'Fullfør' }).click();
    await expect(page.locator('#password-error')).toHaveText('Passordet er for vanlig. Velg et som er vanskeligere å gjette.');
    await expect(page.getByLabel('E-post')).toHaveValue('anne@example.org');

    await page.getByLabel('Velg passord').fill('morgendugg-over-enga-58');
    await page.getByLabel('Kode fra appen').fill(totpNow(secret));
    await page.getByRole('button', { name: 'Fullfør' }).click();
    await expect(page).toHaveURL(/\/staff\/logg-inn$/);

    // The link is spent.
    await page.goto(app.baseURL + link!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lenken virker ikke');

    // And the new administrator can sign in (with the next code: the one used above is spent).
    const anne = { email: 'anne@example.org', password: 'morgendugg-over-enga-58', secret, lastStep: Math.floor(Date.now() / 30_000) };
    await trySignIn(page, app.baseURL, anne);
    await expect(page.getByRole('heading', { name: 'Hei, Anne Admin' })).toBeVisible();
  });
});
