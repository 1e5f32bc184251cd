import { runScript } from '../test/app';
import { scanAtEachWidth } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';

/**
 * The course portal as a relative meets it, with the example courses a fresh install has: the
 * list, a course page, the sign-up form without JavaScript (a free session, then a paid one on
 * an invoice), and the form's error state that keeps what was typed. Every page is scanned by
 * axe at 320 px and at desktop width. The database then holds the two bookings sealed, and
 * one order for the paid seat.
 */
type Dump = Record<string, Record<string, unknown>[]>;
const CANARY_NAME = 'Kanari Kursdeltaker';
const CANARY_EMAIL = 'kanari.kurs@example.org';
const CANARY_ANSWER = 'kanari-svar-8e1f';

test('a relative finds a course, signs up without JavaScript for a free and a paid session, and every page passes axe', async ({ browser, page, axe, ownDatabase: db, startOwnApp }) => {
  test.setTimeout(240_000);
  const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' });
  const base = app.baseURL;

  // Without JavaScript: from the list to a confirmed seat.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const relative = await noScript.newPage();
  await relative.goto(`${base}/kurs`);
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Kurs for pårørende');
  await relative.getByRole('link', { name: 'Å snakke med barn om sykdom' }).click();
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Å snakke med barn om sykdom');
  await expect(relative.getByText(/^Dette er et eksempelkurs som viser/)).toBeVisible();
  await expect(relative.getByText('30 ledige plasser.').first()).toBeVisible();
  // The meeting link of an online session is for participants only.
  expect(await relative.content()).not.toContain('example.org/eksempel');
  await relative.getByRole('link', { name: /^Meld deg på/ }).first().click();
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Meld deg på');

  // Sent with only a name: the errors are named, and the name is still there.
  await relative.getByLabel('Navn (må fylles ut)').fill(CANARY_NAME);
  await relative.getByRole('button', { name: 'Meld meg på' }).click();
  const summary = relative.locator('main').getByRole('alert');
  await expect(summary).toContainText('Noe i skjemaet må rettes før vi kan melde deg på.');
  await expect(summary).toContainText('Skriv e-postadressen slik');
  await expect(summary).toContainText('Kryss av for at du har lest vilkårene');
  await expect(relative.getByLabel('Navn (må fylles ut)')).toHaveValue(CANARY_NAME);

  await relative.getByLabel('E-post (må fylles ut)').fill(CANARY_EMAIL);
  await relative.getByLabel('Hvor gamle er barna det gjelder? (valgfritt)').fill(CANARY_ANSWER);
  await relative.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();
  await relative.getByRole('button', { name: 'Meld meg på' }).click();
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Du er påmeldt');
  await expect(relative.getByText('https://møte.example.org/eksempel')).toBeVisible();
  await expect(relative.getByText('30 dager etter kurset')).toBeVisible();

  // A paid course, without a payment provider set up: the seat is confirmed on an invoice.
  await relative.goto(`${base}/kurs/staa-i-det-over-tid`);
  await expect(relative.getByText('450 kr').first()).toBeVisible();
  await relative.getByRole('link', { name: /^Meld deg på/ }).first().click();
  await relative.getByLabel('Navn (må fylles ut)').fill(CANARY_NAME);
  await relative.getByLabel('E-post (må fylles ut)').fill(CANARY_EMAIL);
  await relative.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();
  await relative.getByRole('button', { name: 'Meld meg på' }).click();
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Du er påmeldt');
  await expect(relative.getByText('450 kr, på faktura')).toBeVisible();
  await expect(relative.getByText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)).toBeVisible();
  await noScript.close();

  // With JavaScript, as most readers come: axe on each page and on the form's error state.
  await page.goto(`${base}/kurs`);
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  await page.getByRole('link', { name: 'Å stå i det over tid' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Å stå i det over tid');
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  await page.getByRole('link', { name: /^Meld deg på/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meld deg på');
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  await page.getByRole('button', { name: 'Meld meg på' }).click();
  await expect(page.locator('main').getByRole('alert')).toBeFocused();
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  await page.getByLabel('Navn (må fylles ut)').fill('Ola');
  await page.getByLabel('E-post (må fylles ut)').fill('ola@example.org');
  await page.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();
  await page.getByRole('button', { name: 'Meld meg på' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du er påmeldt');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });

  // What the database holds: three bookings, none readable, and the two paid seats as orders.
  await app.stop();
  const dumped = runScript('test/dump-db.ts', [], db.env);
  expect(dumped.status, dumped.stderr).toBe(0);
  const dump = JSON.parse(dumped.stdout) as Dump;
  expect(dump['public.course_bookings']?.map((b) => b['status'])).toEqual(['confirmed', 'confirmed', 'confirmed']);
  expect(dump['public.course_orders']?.map((o) => [o['amount_nok'], o['method'], o['status']])).toEqual([
    [450, 'invoice', 'invoice'],
    [450, 'invoice', 'invoice'],
  ]);
  for (const canary of [CANARY_NAME, CANARY_EMAIL, CANARY_ANSWER, 'ola@example.org']) expect(dumped.stdout, canary).not.toContain(canary);
});
