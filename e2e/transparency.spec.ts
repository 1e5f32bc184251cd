import { runScript } from '../test/app';
import { scanAtEachWidth } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

/**
 * The transparency page shows anyone that the deletion rules run: the rules with the numbers
 * the app is configured with, what the purge deleted per month (small numbers hidden), and when
 * it last ran, with a warning when it has not. Six inquiries are sent and closed, one of them
 * from someone who declined a journal; the purge command runs a hundred days on, each kind by
 * its rule, and the app started on that day shows the one as "under 5" and the six, of which
 * it is a part, as "minst 6", so the one cannot be had by subtraction.
 */
const DAY = 86_400_000;
// Not the defaults, so the page can only show them by reading the settings.
const settings = { CHAT_RETENTION_DAYS: '17', CHAT_IDLE_HOURS: '3', HOLD_RETENTION_DAYS: '45', ACCESS_LOG_RETENTION_DAYS: '400', PURGE_INTERVAL_MINUTES: '0' };
const osloMonth = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', month: 'long', year: 'numeric' });
const osloTime = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

test.describe('the transparency page', () => {
  test.setTimeout(240_000);

  test('states the configured rules, counts six deleted inquiries as "minst 6" beside the one that declined a journal as "under 5", shows the last purge, and passes axe @claim:apenhet-viser-sletting', async ({ page, contactPage: form, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser' });
    const app = await startOwnApp(settings);

    // Before any purge: the rules as configured, and a warning that the purge has not run.
    await page.goto(`${app.baseURL}/apenhet`);
    await expect(page.getByRole('heading', { level: 1, name: 'Åpenhet om sletting' })).toBeVisible();
    const rules = page.getByRole('region', { name: 'Reglene' });
    await expect(rules.getByText(/^Slettes 3 måneder etter at kontakten ble avsluttet\./)).toBeVisible();
    await expect(rules.getByText(/^Slettes 17 dager etter at samtalen ble avsluttet\./)).toBeVisible();
    await expect(rules.getByText(/ingen har skrevet noe på 3 timer/)).toBeVisible();
    await expect(rules.getByText(/^Slettes 45 dager etter at pålegget ble opphevet/)).toBeVisible();
    await expect(rules.getByText(/slettes 400 dager etter at den ble skrevet/)).toBeVisible();
    await expect(page.getByText('Slettingen har ikke kjørt ennå.')).toBeVisible();
    await expect(page.getByText('Slettingen har ikke blitt ferdig de siste 26 timene.')).toBeVisible();
    await scanAtEachWidth(page, axe, { noSidewaysScroll: true });

    // Six inquiries, sent and closed; Ola declines a journal.
    const references: string[] = [];
    for (const name of ['Kari', 'Per', 'Ola', 'Liv', 'Nils', 'Siri']) {
      await form.open(app.baseURL);
      await form.fill({ name, email: `${name.toLowerCase()}@example.org`, message: 'Jeg trenger noen å snakke med.' });
      await form.choose();
      if (name === 'Ola') await page.getByLabel('Jeg vil ikke at det opprettes journal om meg').check();
      await form.send();
      references.push(await form.reference());
    }
    const staff = await staffPage(app.baseURL, adviser);
    for (const reference of references) {
      await staff.goto(`${app.baseURL}/staff/henvendelser`);
      await staff.getByRole('link', { name: new RegExp(reference) }).click();
      await staff.getByRole('button', { name: 'Avslutt kontakten' }).click();
      await expect(staff.getByText(/Slettes \d+\. \w+ \d{4}/)).toBeVisible();
    }
    const closedBy = new Date();
    await app.stop();

    // A hundred days on, past three months, the purge command deletes them.
    const purgeAt = new Date(closedBy.getTime() + 100 * DAY);
    const purge = runScript('purge', ['--now', purgeAt.toISOString()], db.env);
    expect(purge.status).toBe(0);
    const { rules: purged } = JSON.parse(purge.stdout) as { rules: unknown[] };
    expect(purged).toContainEqual({ rule: 'inquiries_3_months_after_closed', deleted: 5 });
    expect(purged).toContainEqual({ rule: 'inquiries_journal_declined_3_months_after_closed', deleted: 1 });

    // The app on that day's clock, reached through the footer.
    const later = await startOwnApp({ ...settings, TEST_CLOCK_START: new Date(purgeAt.getTime() + 60_000).toISOString() });
    await page.goto(`${later.baseURL}/`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Åpenhet om sletting' }).click();
    await expect(page).toHaveURL(`${later.baseURL}/apenhet`);

    const deleted = page.getByRole('table', { name: 'Slettet per måned' });
    await expect(deleted.getByRole('columnheader').nth(1)).toHaveText('Henvendelser');
    await expect(deleted.getByRole('columnheader').nth(2)).toHaveText('Av disse: reservert mot journal');
    const month = deleted.getByRole('row', { name: new RegExp(`^${osloMonth.format(purgeAt)}`) });
    await expect(month.getByRole('cell').nth(1), 'the one that declined a journal reads "under 5"').toHaveText('under 5');
    await expect(month.getByRole('cell').first(), 'six inquiries with a hidden one among them read "minst 6", not 6').toHaveText('minst 6');
    const sum = deleted.getByRole('row', { name: /^Sum 12 måneder/ });
    await expect(sum.getByRole('cell').first(), 'a total with a hidden number in it stays hidden').toHaveText('minst 6');
    await expect(sum.getByRole('cell').nth(1)).toHaveText('under 5');
    await expect(deleted.getByRole('row')).toHaveCount(14);
    for (const cell of await deleted.getByRole('cell').allTextContents()) expect(['0', 'under 5', 'minst 6']).toContain(cell);

    const status = page.getByRole('region', { name: 'Når slettingen sist kjørte' });
    await expect(status.getByText(osloTime.format(purgeAt))).toHaveCount(2);
    await expect(page.getByText(/har ikke blitt ferdig de siste 26 timene/)).toHaveCount(0);

    await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  });
});
