import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';

test.describe('privacy statement, as seeded', () => {
  test('/personvern shows version 1, in force, with its date', async ({ page }) => {
    await page.goto('/personvern');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personvernerklæring for Hjelpelinje');
    await expect(page.getByText('Versjon 1, gjelder fra 15. november 2026.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Kort fortalt' })).toBeVisible();
    // The test database is an installation from before version 2 (test/seed-time.ts): started
    // today, the app published it, to take effect 14 days from now.
    await expect(page.getByRole('region', { name: 'Ny personvernerklæring' })).toContainText(/Vi har en ny personvernerklæring som gjelder fra \d{1,2}\. \p{L}+ \d{4}\./u);
  });

  test('version 2 ships with the code: an installation from before it gets 14 days of notice, then reads it without a trace of its markers', async ({ page, startOwnApp }) => {
    let app = await startOwnApp({ TEST_CLOCK_START: '2026-12-10T09:00:00+01:00' });
    await page.goto(app.baseURL + '/personvern');
    await expect(page.getByText('Versjon 1, gjelder fra 15. november 2026.')).toBeVisible();
    // Not the 20 December the file names: published on the 10th, it waits until the 24th.
    await expect(page.getByRole('region', { name: 'Ny personvernerklæring' })).toContainText('Vi har en ny personvernerklæring som gjelder fra 24. desember 2026.');
    await page.goto(app.baseURL + '/personvern/endringer');
    await expect(page.getByText('Versjon 2 gjelder fra 24. desember 2026. Til da gjelder versjon 1.')).toBeVisible();
    await app.stop();

    app = await startOwnApp({ TEST_CLOCK_START: '2026-12-24T09:00:00+01:00' });
    await page.goto(app.baseURL + '/personvern');
    await expect(page.getByText('Versjon 2, gjelder fra 24. desember 2026.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Dine rettigheter' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Telefonlinjen' })).toHaveCount(0);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/<!--|-->|claim:|promise:|forklaring/);
    await app.stop();
  });

  test('/personvern/versjoner lists every version, and each stays readable @claim:tidligere-versjoner', async ({ page }) => {
    await page.goto('/personvern/versjoner');
    const item = page.getByRole('listitem').filter({ hasText: 'Versjon 1' });
    await expect(item).toContainText('Gjelder nå');
    await expect(item).toContainText('Publisert1. november 2026');
    await item.getByRole('link', { name: 'Versjon 1' }).click();
    await expect(page).toHaveURL(/\/personvern\/versjoner\/1$/);
    await expect(page.getByText(/Versjon 1\. Publisert 1\. november 2026, gjelder fra 15\. november 2026\./)).toBeVisible();
    expect((await page.goto('/personvern/versjoner/99'))?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi fant ikke siden');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a version that does not exist says so in the page itself, not only in its scripts', async ({ page }) => {
    expect((await page.goto('/personvern/versjoner/99'))?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi fant ikke siden');
    await expect(page.getByRole('link', { name: 'Gå til forsiden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  });
});

/**
 * An administrator publishes version 2 from the command line, 14 days ahead. Until that day
 * every page says so and links to what changes; from that day /personvern shows version 2.
 */
test.describe('publishing a new version', () => {
  const clock = '2026-12-01T09:00:00+01:00';

  function versionTwoFile(): string {
    const v1 = fs.readFileSync('content/personvern/v1.md', 'utf8');
    const body = v1.replace(/^---[\s\S]*?---\n/, '').replaceAll('30 dager', '20 dager');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hl-v2-')), 'v2.md');
    fs.writeFileSync(file, `---\ntitle: Personvernerklæring for Hjelpelinje\nsummary: Vanlige chatter slettes etter 20 dager i stedet for 30.\n---\n${body}`);
    return file;
  }

  test('a version 14 days ahead shows a notice on every page and a readable diff @claim:endringer-14-dager', async ({ page, axe, ownDatabase: db, startOwnApp }) => {
    const published = runScript('privacy', ['publish', '--file', versionTwoFile(), '--takes-effect', '2026-12-15'], {
      ...db.env,
      TEST_CLOCK_START: clock,
    });
    expect(published.stderr).not.toMatch(/Error/);
    expect(published.stdout).toContain('Published version 2; it takes effect 15. desember 2026.');

    let app = await startOwnApp({ TEST_CLOCK_START: clock });
    for (const p of ['/', '/kontakt', '/unge', '/i-arbeidslivet', '/personvern/versjoner', '/finnes-ikke']) {
      await page.goto(app.baseURL + p);
      const notice = page.getByRole('region', { name: 'Ny personvernerklæring' });
      await expect(notice, p).toContainText('Vi har en ny personvernerklæring som gjelder fra 15. desember 2026.');
    }
    await axe(page);
    await page.getByRole('link', { name: 'Se hva som endres' }).click();
    await expect(page).toHaveURL(/\/personvern\/endringer$/);
    await expect(page.getByText('Versjon 2 gjelder fra 15. desember 2026. Til da gjelder versjon 1.')).toBeVisible();
    await expect(page.getByText('Vanlige chatter slettes etter 20 dager i stedet for 30.')).toBeVisible();
    // Only what changes, under the part it belongs to, the changed words marked, no Markdown.
    const changes = page.getByRole('region', { name: 'Hvor lenge vi tar vare på chatten' });
    await expect(changes.getByRole('listitem')).toHaveText(
      'Endret: Andre samtaler: De slettes [fjernet: 30][lagt til: 20] dager etter at chatten er avsluttet.',
    );
    await expect(changes.locator('del')).toHaveText('[fjernet: 30]');
    await expect(changes.locator('ins')).toHaveText('[lagt til: 20]');
    await expect(page.getByRole('region', { name: 'Slettefrister samlet' })).toContainText('[fjernet: 30][lagt til: 20]');
    await expect(page.locator('ins')).toHaveCount(2);
    await expect(page.locator('del')).toHaveCount(2);
    await axe(page);

    // Still version 1 until the day comes.
    await page.goto(app.baseURL + '/personvern');
    await expect(page.getByText('Versjon 1, gjelder fra 15. november 2026.')).toBeVisible();
    await expect(page.getByText('De slettes 30 dager etter at chatten er avsluttet.')).toBeVisible();
    await app.stop();

    // The day after it takes effect: version 2 applies, and the notice is gone.
    app = await startOwnApp({ TEST_CLOCK_START: '2026-12-16T09:00:00+01:00' });
    await page.goto(app.baseURL + '/personvern');
    await expect(page.getByText('Versjon 2, gjelder fra 15. desember 2026.')).toBeVisible();
    await expect(page.getByText('De slettes 20 dager etter at chatten er avsluttet.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ny personvernerklæring' })).toHaveCount(0);
    await page.goto(app.baseURL + '/personvern/versjoner/1');
    await expect(page.getByText('De slettes 30 dager etter at chatten er avsluttet.')).toBeVisible();
  });

  test('a version taking effect in 13 days is refused @claim:endringer-14-dager', async ({ page, ownDatabase: db, startOwnApp }) => {
    const refused = runScript('privacy', ['publish', '--file', versionTwoFile(), '--takes-effect', '2026-12-14'], {
      ...db.env,
      TEST_CLOCK_START: clock,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe('hjelpelinje: En ny versjon må publiseres minst 14 dager før den gjelder.');

    const app = await startOwnApp({ TEST_CLOCK_START: clock });
    await page.goto(app.baseURL + '/personvern/versjoner');
    await expect(page.locator('main').getByRole('heading', { level: 2 })).toHaveCount(1);
    await page.goto(app.baseURL + '/');
    await expect(page.getByRole('region', { name: 'Ny personvernerklæring' })).toHaveCount(0);
  });
});
