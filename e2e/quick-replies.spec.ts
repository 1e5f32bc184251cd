import type { Locator, Page } from '@playwright/test';
import { scanAtEachWidth } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

const CLOSING = 'Chatten stenger om ti minutter. Vil du snakke mer en annen dag, er du velkommen tilbake.';

/** Tab from where focus is until `target` has it, as someone without a mouse gets there. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; !(await target.evaluate((el) => el === document.activeElement)); presses++) {
    expect(presses, 'Tab presses').toBeLessThan(80);
    await page.keyboard.press('Tab');
  }
}

test.describe('ready answers (hurtigsvar)', () => {
  test.setTimeout(180_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'the pages behave the same on both databases; the queries run on both in the unit tests');
  });

  test('an admin adds one; a host finds it with / and a few letters, inserts, edits and sends it by keyboard alone, and the visitor gets it', async ({ browser, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const admin = addStaff(db.env, { email: 'admin@example.org', role: 'admin', name: 'Anne Admin' });
    const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
    const app = await startOwnApp({ CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0' });

    // The admin's list: bad input is explained and nothing typed is lost; then it is added.
    const adminPage = await staffPage(app.baseURL, admin);
    await adminPage.goto(`${app.baseURL}/staff/chat`);
    await adminPage.getByRole('link', { name: 'Endre hurtigsvarene' }).click();
    await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('Hurtigsvar');
    const add = adminPage.locator('form', { has: adminPage.getByRole('button', { name: 'Legg til hurtigsvaret' }) });
    await add.getByLabel('Tittel').fill('Vi stenger snart');
    await add.getByLabel('Tekst').fill(CLOSING);
    await add.getByRole('button', { name: 'Legg til hurtigsvaret' }).click();
    await expect(add.getByRole('alert')).toContainText('Kategori: Velg en kategori.');
    await expect(add.getByLabel('Tittel')).toHaveValue('Vi stenger snart');
    await expect(add.getByLabel('Tekst')).toHaveValue(CLOSING);
    await scanAtEachWidth(adminPage, axe);
    await add.getByLabel('Kategori').selectOption({ label: 'Avslutning' });
    await add.getByRole('button', { name: 'Legg til hurtigsvaret' }).click();
    await expect(adminPage.getByRole('status').filter({ hasText: 'er lagt til' })).toHaveText('«Vi stenger snart» er lagt til.');
    await expect(adminPage.getByRole('region', { name: 'Avslutning' }).getByText('Vi stenger snart', { exact: true })).toBeVisible();

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${app.baseURL}/chat`);
    await visitor.getByRole('button', { name: 'Start chat' }).click();
    await expect(visitor.getByRole('status')).toHaveText(/Du er nummer 1 i køen/);

    // The host takes the chat and reaches its message field with the keyboard.
    const console_ = await staffPage(app.baseURL, host);
    await console_.goto(`${app.baseURL}/staff/chat`);
    await tabTo(console_, console_.getByRole('button', { name: 'Ta samtalen' }));
    await console_.keyboard.press('Enter');
    const field = console_.getByLabel('Svar i samtale 1');
    await expect(field).toBeVisible();
    await tabTo(console_, field);

    // Escape closes the list and keeps what was typed.
    const list = console_.getByRole('listbox', { name: 'Hurtigsvar' });
    await console_.keyboard.type('/sn');
    await expect(list).toBeVisible();
    await console_.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(field).toHaveValue('/sn');
    await console_.keyboard.press('Backspace');
    await console_.keyboard.press('Backspace');
    await console_.keyboard.press('Backspace');

    // "/snart" finds two answers; the arrows move between them, the field keeps focus.
    await console_.keyboard.type('/snart');
    await expect(list.getByRole('option')).toHaveText([/^Avslutter snart når du ikke svarer/, /^Vi stenger snart/]);
    await expect(field).toHaveAttribute('aria-controls', (await list.getAttribute('id'))!);
    await expect(list.getByRole('option', { selected: true })).toHaveText(/^Avslutter snart/);
    await console_.keyboard.press('ArrowDown');
    const chosen = list.getByRole('option', { selected: true });
    await expect(chosen).toHaveText(/^Vi stenger snart/);
    await expect(field).toHaveAttribute('aria-activedescendant', (await chosen.getAttribute('id'))!);
    await expect(field).toBeFocused();
    await scanAtEachWidth(console_, axe);

    // Enter puts the text in place of "/snart", caret at its end; the host edits and sends.
    await console_.keyboard.press('Enter');
    await expect(list).toBeHidden();
    await expect(field).toHaveValue(CLOSING);
    await expect(field).toBeFocused();
    expect(await field.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([CLOSING.length, CLOSING.length]);
    await console_.keyboard.type(' Ha det fint!');
    await console_.keyboard.press('Enter');
    await expect(field).toHaveValue('');
    await expect(visitor.getByRole('log', { name: 'Meldinger' }).getByText(`${CLOSING} Ha det fint!`, { exact: true })).toBeVisible();

    // The button beside the field opens the whole list, operated the same way.
    const button = console_.getByRole('button', { name: 'Hurtigsvar' });
    await tabTo(console_, button);
    await console_.keyboard.press('Enter');
    await expect(field).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(list.getByRole('option')).toHaveCount(8);
    // Up from the first wraps to the last ("Vi stenger snart"), and once more.
    await console_.keyboard.press('ArrowUp');
    await console_.keyboard.press('ArrowUp');
    await expect(list.getByRole('option', { selected: true })).toHaveText(/^Takk for praten/);
    await console_.keyboard.press('Enter');
    await expect(field).toHaveValue(/^Takk for at du skrev til oss i dag\./);
  });
});
