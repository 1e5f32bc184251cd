import { runScript } from '../test/app';
import { scanAtEachWidth } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

/**
 * A course admin makes a paid course with a question and a date, publishes it and finds it on
 * /kurs; changes the seats and sees it on the public page at once; makes a mistake (the end
 * before the start) and reads it in Norwegian with everything kept; and cancels the date, which
 * then reads as avlyst and takes no sign-up. An adviser reads the list but reaches no editor.
 * axe scans every editor page at 320 px and at desktop width.
 */
type Dump = Record<string, Record<string, unknown>[]>;

/** yyyy-mm-dd of the Oslo day `days` from now, as a date input takes it. */
const osloDay = (days: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + days * 86_400_000));

test('a course admin creates, publishes, changes and cancels a course date; an adviser cannot edit; every editor page passes axe', async ({ page, axe, staffPage, ownDatabase: db, startOwnApp }) => {
  test.setTimeout(300_000);
  const courseAdmin = addStaff(db.env, { email: 'kurs@example.org', role: 'course_admin', name: 'Kari Kursansvarlig' });
  const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser', name: 'Ada Rådgiver' });
  const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' });
  const base = app.baseURL;
  const day = osloDay(30);

  // A new paid course with one required question, published at once.
  const staff = await staffPage(base, courseAdmin);
  await staff.goto(`${base}/staff/kurs`);
  await staff.getByRole('link', { name: 'Nytt kurs' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Nytt kurs');
  await scanAtEachWidth(staff, axe, { noSidewaysScroll: true });
  await staff.getByLabel('Tittel', { exact: true }).fill('Samtalegruppe for søsken');
  // With JavaScript the address follows the title; without, an empty one is made from it on saving.
  await expect(staff.getByLabel('Adresse', { exact: true })).toHaveValue('samtalegruppe-for-sosken');
  await staff.getByLabel('Kort omtale').fill('Tre kvelder for deg som har et søsken som er sykt.');
  await staff.getByLabel('Beskrivelse').fill('Vi møtes **tre** kvelder i en liten gruppe.');
  await staff.getByLabel('Seksjon').selectOption({ label: 'På skolen' });
  await staff.getByRole('checkbox', { name: 'Barn som pårørende' }).check();
  await staff.getByLabel('Pris i hele kroner').fill('300');
  await staff.getByLabel('Spørsmål 1', { exact: true }).fill('Hvor gamle er søsknene dine?');
  await staff.getByRole('checkbox', { name: 'Spørsmål 1: Må besvares' }).check();
  await staff.getByRole('radio', { name: 'Publisert' }).check();
  await staff.getByRole('button', { name: 'Opprett kurset' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Samtalegruppe for søsken');
  await expect(staff.getByText('Kurset er opprettet. Legg til datoene under.')).toBeVisible();
  await scanAtEachWidth(staff, axe, { noSidewaysScroll: true });
  const coursePath = new URL(staff.url()).pathname;

  // A date, first with the end before the start: the summary names it, and nothing typed is lost.
  await staff.getByRole('link', { name: 'Legg til en dato' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Ny dato for «Samtalegruppe for søsken»');
  await scanAtEachWidth(staff, axe, { noSidewaysScroll: true });
  await staff.getByLabel('Dato', { exact: true }).fill(day);
  await staff.getByLabel('Starter klokka').fill('18:00');
  await staff.getByLabel('Slutter klokka').fill('17:00');
  await staff.getByLabel('Sted', { exact: true }).fill('Kurslokalet i 2. etasje');
  await staff.getByLabel('Antall plasser').fill('8');
  await staff.getByRole('button', { name: 'Legg til datoen' }).click();
  const summary = staff.locator('main').getByRole('alert');
  await expect(summary).toContainText('Noe i skjemaet må rettes før datoen kan lagres.');
  await expect(summary.getByRole('link', { name: 'Slutter klokka: Kurset må slutte etter at det starter.' })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(staff.getByLabel('Dato', { exact: true })).toHaveValue(day);
  await expect(staff.getByLabel('Slutter klokka')).toHaveValue('17:00');
  await expect(staff.getByLabel('Sted', { exact: true })).toHaveValue('Kurslokalet i 2. etasje');
  await expect(staff.getByLabel('Antall plasser')).toHaveValue('8');
  await scanAtEachWidth(staff, axe, { noSidewaysScroll: true });
  await staff.getByLabel('Slutter klokka').fill('20:00');
  await staff.getByRole('button', { name: 'Legg til datoen' }).click();
  await expect(staff.getByText('Datoen er lagt til.')).toBeVisible();
  expect(new URL(staff.url()).pathname).toBe(coursePath);

  // The public list and the course's page show it.
  await page.goto(`${base}/kurs`);
  await page.getByRole('link', { name: 'Samtalegruppe for søsken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samtalegruppe for søsken');
  await expect(page.getByText('300 kr').first()).toBeVisible();
  await expect(page.locator('main strong', { hasText: 'tre' })).toBeVisible();
  await expect(page.getByText('8 ledige plasser.')).toBeVisible();
  const publicPath = new URL(page.url()).pathname;
  expect(publicPath).toBe('/kurs/samtalegruppe-for-sosken');

  // More seats: the public page, kept a few seconds by our server, shows the change at once.
  await staff.getByRole('link', { name: /^Endre datoen/ }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Endre dato for «Samtalegruppe for søsken»');
  await scanAtEachWidth(staff, axe, { noSidewaysScroll: true });
  await staff.getByLabel('Antall plasser').fill('10');
  await staff.getByRole('button', { name: 'Lagre endringene' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Endringene er lagret.' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('10 ledige plasser.')).toBeVisible();
  const sessionId = new URL(staff.url()).pathname.split('/').at(-2)!;

  // A relative opens the sign-up form and signs up, then a second one opens it but waits.
  await page.getByRole('link', { name: /^Meld deg på/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meld deg på');
  const signupPath = new URL(page.url()).pathname;
  await page.getByLabel('Navn (må fylles ut)').fill('Per Pårørende');
  await page.getByLabel('E-post (må fylles ut)').fill('per@example.org');
  await page.getByLabel('Hvor gamle er søsknene dine? (må fylles ut)').fill('9 og 12');
  await page.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();
  await page.getByRole('button', { name: 'Meld meg på' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du er påmeldt');
  await page.goto(base + signupPath);
  await page.getByLabel('Navn (må fylles ut)').fill('Lise Sent');
  await page.getByLabel('E-post (må fylles ut)').fill('lise@example.org');
  await page.getByLabel('Hvor gamle er søsknene dine? (må fylles ut)').fill('7');
  await page.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();

  // An adviser reads the list, without a way to edit, and every editor page is not found.
  const advisers = await staffPage(base, adviser);
  await advisers.goto(`${base}/staff/kurs`);
  await expect(advisers.getByRole('region', { name: 'Samtalegruppe for søsken' })).toBeVisible();
  await expect(advisers.getByRole('link', { name: 'Nytt kurs' })).toHaveCount(0);
  await expect(advisers.getByRole('link', { name: /^Endre/ })).toHaveCount(0);
  for (const path of ['/staff/kurs/ny', coursePath, `${coursePath}/ny-dato`, `${coursePath}/slett`, `/staff/kurs/okt/${sessionId}/endre`, `/staff/kurs/okt/${sessionId}/avlys`]) {
    expect((await advisers.goto(base + path))?.status(), path).toBe(404);
  }

  // The course admin cancels the date after a confirmation step.
  await staff.goto(base + coursePath);
  await staff.getByRole('link', { name: /^Avlys datoen/ }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Avlyse datoen?');
  await expect(staff.getByText('1 påmelding (plasser og venteliste) avbestilles.', { exact: false })).toBeVisible();
  await scanAtEachWidth(staff, axe, { noSidewaysScroll: true });
  await staff.getByRole('button', { name: 'Avlys datoen' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Datoen er avlyst.' })).toContainText('Datoen er avlyst. Én påmelding er avbestilt, og én faktura er kansellert.');
  await expect(staff.getByRole('button', { name: 'Avlys datoen' })).toHaveCount(0);

  // The form opened before is refused; the course page says avlyst and offers no sign-up.
  await page.getByRole('button', { name: 'Meld meg på' }).click();
  await expect(page.locator('main').getByRole('alert')).toContainText('Denne kursdatoen er avlyst.');
  await page.goto(base + publicPath);
  await expect(page.getByText('Denne datoen er avlyst. Du kan ikke melde deg på den.')).toBeVisible();
  await expect(page.getByText(/: avlyst$/)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Meld deg på/ })).toHaveCount(0);
  await page.goto(base + signupPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kursdatoen er avlyst');
  await page.goto(`${base}/kurs`);
  await expect(page.getByRole('link', { name: 'Samtalegruppe for søsken' })).toHaveCount(0);

  // The database: one booking, cancelled; its invoice cancelled; the changes logged by id only.
  await app.stop();
  const dumped = runScript('test/dump-db.ts', [], db.env);
  expect(dumped.status, dumped.stderr).toBe(0);
  const dump = JSON.parse(dumped.stdout) as Dump;
  const bookings = dump['public.course_bookings']!.filter((b) => b['session_id'] === sessionId);
  expect(bookings.map((b) => b['status'])).toEqual(['cancelled']);
  expect(dump['public.course_orders']!.map((o) => [o['amount_nok'], o['status']])).toEqual([[300, 'cancelled']]);
  const courseId = coursePath.split('/').at(-1)!;
  const staffIds = Object.fromEntries((dump['public.staff'] ?? []).map((s) => [s['email'], s['id']]));
  const log = dump['public.access_log']!.filter((r) => /^course_(create|change|delete|session_)/.test(String(r['action'])));
  expect(log.map((r) => [r['action'], r['object_type'], r['object_id'], r['staff_id']])).toEqual([
    ['course_create', 'course', courseId, staffIds['kurs@example.org']],
    ['course_session_create', 'course_session', sessionId, staffIds['kurs@example.org']],
    ['course_session_change', 'course_session', sessionId, staffIds['kurs@example.org']],
    ['course_session_cancel', 'course_session', sessionId, staffIds['kurs@example.org']],
  ]);
  for (const canary of ['Lise Sent', 'lise@example.org']) expect(dumped.stdout, canary).not.toContain(canary);
});
