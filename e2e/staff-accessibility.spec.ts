import { runScript } from '../test/app';
import { scanAtEachWidth, scanWidths } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { addStaff, signIn } from '../test/staff-pages';

/** axe on every staff page, signed in as an administrator, at 320 px and at desktop width. */
test.describe('staff area accessibility', () => {
  // A cap for a loaded machine, not a speed target: on two busy cores this took 3.3 min.
  test.setTimeout(360_000);

  test('no violations on any staff page, at either width', async ({ page, contactPage: form, axe, ownDatabase: db, startOwnApp }) => {
    const admin = addStaff(db.env, { email: 'admin@example.org', role: 'admin', name: 'Anne Admin' });
    const invite = runScript('staff', ['add', '--email', 'ny@example.org', '--name', 'Ny Rådgiver', '--role', 'adviser'], db.env);
    const setupPath = new URL(invite.stdout.trim().split('\n').pop()!).pathname;
    const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' });

    await form.open(app.baseURL);
    await form.fill({ name: 'Kari', email: 'kari@example.org', message: 'Hei' });
    await form.choose();
    await form.send();
    const reference = await form.reference();

    await page.goto(app.baseURL + setupPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velkommen: sett opp tilgangen din');
    await scanAtEachWidth(page, axe);
    await page.goto(app.baseURL + '/staff/logg-inn');
    await scanAtEachWidth(page, axe);

    await signIn(page, app.baseURL, admin);
    await page.goto(`${app.baseURL}/staff/henvendelser`);
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await page.waitForURL(/henvendelser\/[0-9a-f-]{36}$/);
    const detail = new URL(page.url()).pathname;

    // One load per page, scanned at both widths (the page is resized in place).
    const scan = async (path: string) => {
      await page.setViewportSize(scanWidths[0].viewport);
      const response = await page.goto(app.baseURL + path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await scanAtEachWidth(page, axe);
    };
    for (const path of ['/staff', '/staff/henvendelser', detail, '/staff/ansatte', '/staff/tilgangslogg', '/staff/personvern', '/staff/bevaring', '/staff/kategorier', '/staff/chat', '/staff/chat/slett', '/staff/chat/hurtigsvar', '/staff/chat/tilsyn', '/staff/kurs', '/staff/kurs/ny']) await scan(path);

    // The course editor's pages for an example course, reached by their links.
    await page.goto(`${app.baseURL}/staff/kurs`);
    await page.getByRole('link', { name: 'Endre kurset og datoene for Å stå i det over tid' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Å stå i det over tid');
    const coursePath = new URL(page.url()).pathname;
    const editor = [coursePath, `${coursePath}/ny-dato`, `${coursePath}/slett`];
    for (const name of [/^Endre datoen/, /^Avlys datoen/]) editor.push((await page.getByRole('link', { name }).first().getAttribute('href'))!);
    for (const path of editor) await scan(path);
  });
});
