import fs from 'node:fs';
import { runScript } from '../test/app';
import { scanAtEachWidth } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

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

  // The link on the receipt opens the booking, which no cache may keep, and gives the seat up.
  const [bookingAnswer] = await Promise.all([relative.waitForResponse((r) => r.url().includes('/kurs/bestilling/')), relative.getByRole('link', { name: 'åpne påmeldingen' }).click()]);
  expect(bookingAnswer.headers()['cache-control']).toBe('private, no-store');
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Påmeldingen din');
  await expect(relative.getByText('Du er påmeldt.')).toBeVisible();
  await relative.getByRole('button', { name: 'Meld meg av' }).click();
  // Without JavaScript the page comes back as it now stands.
  await expect(relative.getByText('Du er meldt av.', { exact: true })).toBeVisible();
  await relative.reload();
  await expect(relative.getByText('Du er meldt av.', { exact: true })).toBeVisible();
  await expect(relative.getByRole('button', { name: 'Meld meg av' })).toHaveCount(0);

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
  await page.getByRole('link', { name: 'åpne påmeldingen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Påmeldingen din');
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });

  // What the database holds: three bookings (the free one given up), none readable, and the two paid seats as orders.
  await app.stop();
  const dumped = runScript('test/dump-db.ts', [], db.env);
  expect(dumped.status, dumped.stderr).toBe(0);
  const dump = JSON.parse(dumped.stdout) as Dump;
  expect(dump['public.course_bookings']?.map((b) => b['status']).sort()).toEqual(['cancelled', 'confirmed', 'confirmed']);
  expect(dump['public.course_orders']?.map((o) => [o['amount_nok'], o['method'], o['status']])).toEqual([
    [450, 'invoice', 'invoice'],
    [450, 'invoice', 'invoice'],
  ]);
  for (const canary of [CANARY_NAME, CANARY_EMAIL, CANARY_ANSWER, 'ola@example.org']) expect(dumped.stdout, canary).not.toContain(canary);
});

test('course staff see the participants of a session, mark who came and download the list; a chat host is turned away; every look is logged @claim:tilgangslogg', async ({ page, axe, staffPage, ownDatabase: db, startOwnApp }) => {
  test.setTimeout(240_000);
  const courseAdmin = addStaff(db.env, { email: 'kurs@example.org', role: 'course_admin', name: 'Kari Kursansvarlig' });
  const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser', name: 'Ada Rådgiver' });
  const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Chris Vert' });
  const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' });
  const base = app.baseURL;

  // Two relatives sign up for the first date of the paid example course.
  for (const [name, email, need] of [
    ['Per Pårørende', 'per@example.org', 'Glutenfri mat'],
    ['Lise Pårørende', 'lise@example.org', ''],
  ] as const) {
    await page.goto(`${base}/kurs/staa-i-det-over-tid`);
    await page.getByRole('link', { name: /^Meld deg på/ }).first().click();
    await page.getByLabel('Navn (må fylles ut)').fill(name);
    await page.getByLabel('E-post (må fylles ut)').fill(email);
    if (need) await page.getByLabel(/^Trenger du noe tilrettelagt/).fill(need);
    await page.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();
    await page.getByRole('button', { name: 'Meld meg på' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du er påmeldt');
  }

  // The course admin finds the date, sees both with their answers, and marks one as present.
  const staff = await staffPage(base, courseAdmin);
  await staff.getByRole('navigation', { name: 'Ansattmeny' }).getByRole('link', { name: 'Kurs' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Kurs');
  await expect(staff.getByText('2 av 12 plasser bekreftet.').first()).toBeVisible();
  await staff.getByRole('region', { name: 'Å stå i det over tid' }).getByRole('link').nth(1).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Å stå i det over tid');
  const table = staff.getByRole('table');
  await expect(table.getByRole('row', { name: /Per Pårørende/ })).toContainText('Bekreftet, til fakturering');
  await expect(table.getByRole('row', { name: /Per Pårørende/ })).toContainText('Glutenfri mat');
  await expect(table.getByRole('row', { name: /Lise Pårørende/ })).toContainText('lise@example.org');
  await scanAtEachWidth(staff, axe, { noSidewaysScroll: true });
  const sessionId = new URL(staff.url()).pathname.split('/').at(-1)!;
  await staff.getByRole('checkbox', { name: 'Per Pårørende' }).check();
  await staff.getByRole('button', { name: 'Lagre oppmøte' }).click();
  await expect(staff.getByRole('status')).toContainText('Oppmøtet er lagret: 1 av 2 møtte.');
  await expect(table.getByRole('row', { name: /Per Pårørende/ }).getByRole('cell').last()).toHaveText('Ja');

  const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'Last ned deltakerlisten som CSV-fil (regneark)' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFÅ stå i det over tid')).toBe(true);
  expect(csv).toMatch(/\r\nPer Pårørende;per@example\.org;;Bekreftet, til fakturering;[A-Z2-9]{4}-[A-Z2-9]{4};[^;]+;Ja;Glutenfri mat\r\n/);

  // An adviser reads the list too; a chat host has no link, no page and no file.
  const advisers = await staffPage(base, adviser);
  expect((await advisers.goto(`${base}/staff/kurs/okt/${sessionId}`))?.status()).toBe(200);
  const hostPage = await staffPage(base, host);
  await expect(hostPage.getByRole('link', { name: 'Kurs' })).toHaveCount(0);
  expect((await hostPage.goto(`${base}/staff/kurs/okt/${sessionId}`))?.status()).toBe(404);
  const refused = await hostPage.request.get(`${base}/staff/kurs/okt/${sessionId}/eksport`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain('Pårørende');

  await app.stop();
  const dumped = runScript('test/dump-db.ts', [], db.env);
  const log = (JSON.parse(dumped.stdout) as Dump)['public.access_log']!.filter((r) => String(r['action']).startsWith('course_'));
  const staffIds = Object.fromEntries(((JSON.parse(dumped.stdout) as Dump)['public.staff'] ?? []).map((s) => [s['email'], s['id']]));
  expect(log.map((r) => [r['action'], r['object_type'], r['object_id'], r['staff_id']])).toEqual([
    ['course_participants_view', 'course_session', sessionId, staffIds['kurs@example.org']],
    ['course_attendance', 'course_session', sessionId, staffIds['kurs@example.org']],
    ['course_participants_view', 'course_session', sessionId, staffIds['kurs@example.org']],
    ['course_participants_export', 'course_session', sessionId, staffIds['kurs@example.org']],
    ['course_participants_view', 'course_session', sessionId, staffIds['ada@example.org']],
  ]);
});
