import { freePort, runScript } from '../test/app';
import { scanAtEachWidth } from '../test/axe-widths';
import { expect, test, type StartOwnApp } from '../test/fixtures';
import { attachmentText, recipients } from '../test/mail-parts';
import { startSmtpRecorder, type SmtpRecorder } from '../test/second-address';
import { addStaff } from '../test/staff-pages';
import { signedWebhookHeaders } from '../lib/payments/vipps-webhook';
import { startVippsStandIn, type VippsStandIn } from '../test/vipps-stand-in';

/**
 * The course portal with Vipps MobilePay configured, against the local stand-in for the
 * ePayment API (test/vipps-stand-in.ts) and a local SMTP server: a relative signs up without
 * JavaScript for a free session and for a paid one, pays in the stand-in (which delivers the
 * authorised webhook twice, as Vipps may), comes back confirmed, and gets both confirmations
 * by e-mail with a calendar file; the course admin sees both; a webhook with a bad signature is
 * refused and logged by name; Vipps answering 500 keeps the form as typed; an abandoned payment
 * says so. axe scans every page of the payment at both widths.
 */
type Dump = Record<string, Record<string, unknown>[]>;
const NAME = 'Kanari Vippsbruker';
const EMAIL = 'kanari.vipps@example.org';

let smtp: SmtpRecorder;
let vipps: VippsStandIn;
test.beforeEach(async () => {
  smtp = await startSmtpRecorder();
  vipps = await startVippsStandIn();
});
test.afterEach(async () => {
  await vipps.close();
  await smtp.close();
});

async function startWithVipps(startOwnApp: StartOwnApp) {
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0', SMTP_URL: smtp.url, SITE_URL: site, ...vipps.env }, { port });
  vipps.setWebhookUrl(`${site}/api/vipps/webhook`);
  return app;
}

test('a relative signs up without JavaScript for a free and a paid session, pays with Vipps, is confirmed once though the webhook comes twice, and gets calendar files; the course admin sees both @claim:kurs-epost', async ({
  browser,
  page,
  axe,
  staffPage,
  ownDatabase: db,
  startOwnApp,
}) => {
  test.setTimeout(300_000);
  const courseAdmin = addStaff(db.env, { email: 'kurs@example.org', role: 'course_admin', name: 'Kari Kursansvarlig' });
  const app = await startWithVipps(startOwnApp);
  const base = app.baseURL;
  vipps.setWebhookMode('twice');

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const relative = await noScript.newPage();
  const signUp = async (course: string) => {
    await relative.goto(`${base}/kurs`);
    await relative.getByRole('link', { name: course }).click();
    await relative.getByRole('link', { name: /^Meld deg på/ }).first().click();
    await relative.getByLabel('Navn (må fylles ut)').fill(NAME);
    await relative.getByLabel('E-post (må fylles ut)').fill(EMAIL);
    await relative.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();
    await relative.getByRole('button', { name: 'Meld meg på' }).click();
  };

  await signUp('Å snakke med barn om sykdom');
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Du er påmeldt');

  await relative.goto(`${base}/kurs/staa-i-det-over-tid`);
  await relative.getByRole('link', { name: /^Meld deg på/ }).first().click();
  // What the form says Vipps gets is what the stand-in received (checked in lib/courses/payment.test.ts).
  await expect(relative.getByText('Du betaler med Vipps. Vipps får bare beløpet, et tilfeldig referansenummer og teksten «Kursplass hos Hjelpelinje»', { exact: false })).toBeVisible();
  await signUp('Å stå i det over tid');
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Betal for å få plassen');
  await relative.getByRole('link', { name: 'Betal 450 kr med Vipps' }).click();
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Lokal stand-in for Vipps');
  await relative.getByRole('button', { name: 'Godkjenn betalingen' }).click();
  await expect(relative.getByRole('heading', { level: 1 })).toHaveText('Du er påmeldt');
  await expect(relative.getByText(/^Betalingen er godkjent, og plassen er din\. 450 kr er reservert/)).toBeVisible();
  const returnUrl = relative.url();
  expect(returnUrl).toMatch(new RegExp(`^${base}/kurs/betaling/kurs-[0-9a-f]{24}$`));
  const reference = returnUrl.split('/').at(-1)!;
  await noScript.close();

  // All Vipps heard of the buyer: nothing.
  const toVipps = JSON.stringify(vipps.calls());
  for (const canary of [NAME, EMAIL, 'Å stå i det over tid', 'staa-i-det-over-tid']) expect(toVipps, canary).not.toContain(canary);

  // Vipps delivered the authorised event twice; both were taken, and one order came of them.
  expect(vipps.deliveries().filter((d) => d.reference === reference)).toEqual([
    { event: 'AUTHORIZED', reference, status: 200 },
    { event: 'AUTHORIZED', reference, status: 200 },
  ]);

  // Both confirmations by e-mail, each with a calendar file for its date.
  await expect.poll(() => smtp.mails().filter((m) => recipients(m).includes(EMAIL)).length, { timeout: 20_000 }).toBe(2);
  const calendars = smtp.mails().map((m) => attachmentText(m, 'kurs.ics'));
  expect(calendars).toHaveLength(2);
  for (const ics of calendars) {
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
    expect(ics).toContain(`${base}/kurs/bestilling/`);
  }
  expect(calendars.some((ics) => ics!.includes('SUMMARY:Å stå i det over tid'))).toBe(true);
  expect(calendars.some((ics) => ics!.includes('SUMMARY:Å snakke med barn om sykdom'))).toBe(true);

  // A webhook that is not signed with our secret is refused, and only the failed check is logged.
  const forged = JSON.stringify({ reference, name: 'CANCELLED', success: true });
  const forgedHeaders = signedWebhookHeaders('not-our-secret-0123456789abcdefghij', { url: new URL(`${base}/api/vipps/webhook`), body: forged, date: new Date() });
  expect(await vipps.post(forged, forgedHeaders)).toBe(401);
  await expect.poll(() => app.output()).toContain('"event":"course.webhook_refused","reason":"bad_signature"');
  expect(app.output()).not.toContain(reference);

  // The course admin sees both participants, the paid one with their reserved payment.
  const staff = await staffPage(base, courseAdmin);
  await staff.goto(`${base}/staff/kurs`);
  await staff.getByRole('region', { name: 'Å stå i det over tid' }).getByRole('link').nth(1).click();
  await expect(staff.getByRole('table').getByRole('row', { name: new RegExp(NAME) })).toContainText('Bekreftet, betaling reservert');
  await staff.goto(`${base}/staff/kurs`);
  await staff.getByRole('region', { name: 'Å snakke med barn om sykdom' }).getByRole('link').nth(1).click();
  await expect(staff.getByRole('table').getByRole('row', { name: new RegExp(NAME) })).toContainText('Bekreftet');

  // With JavaScript: the payment's pages pass axe, and a payment given up says so.
  await page.goto(returnUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du er påmeldt');
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  await page.goto(`${base}/kurs/staa-i-det-over-tid`);
  await page.getByRole('link', { name: /^Meld deg på/ }).first().click();
  await page.getByLabel('Navn (må fylles ut)').fill('Ola');
  await page.getByLabel('E-post (må fylles ut)').fill('ola@example.org');
  await page.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();
  await page.getByRole('button', { name: 'Meld meg på' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Betal for å få plassen');
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  await page.getByRole('link', { name: 'Betal 450 kr med Vipps' }).click();
  await page.getByRole('button', { name: 'Avbryt betalingen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Betalingen ble ikke fullført');
  await expect(page.getByText('Du er ikke påmeldt, og ingenting er trukket.', { exact: false })).toBeVisible();
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });

  await app.stop();
  const dumped = runScript('test/dump-db.ts', [], db.env);
  expect(dumped.status, dumped.stderr).toBe(0);
  const dump = JSON.parse(dumped.stdout) as Dump;
  expect(dump['public.course_orders']?.map((o) => [o['amount_nok'], o['method'], o['status'], o['payment_reference']])).toEqual([[450, 'vipps', 'reserved', reference]]);
  for (const canary of [NAME, EMAIL, 'ola@example.org']) expect(dumped.stdout, canary).not.toContain(canary);
});

test('when Vipps answers 500, the relative is told in plain words, is not signed up, and keeps what they typed', async ({ page, axe, ownDatabase: db, startOwnApp }) => {
  test.setTimeout(180_000);
  const app = await startWithVipps(startOwnApp);
  const base = app.baseURL;
  vipps.failNext(5, 500);
  await page.goto(`${base}/kurs/staa-i-det-over-tid`);
  await page.getByRole('link', { name: /^Meld deg på/ }).first().click();
  await page.getByLabel('Navn (må fylles ut)').fill(NAME);
  await page.getByLabel('E-post (må fylles ut)').fill(EMAIL);
  await page.getByLabel('Jeg har lest vilkårene for påmelding (må krysses av)').check();
  await page.getByRole('button', { name: 'Meld meg på' }).click();
  const alert = page.locator('main').getByRole('alert');
  await expect(alert).toContainText('Vi får ikke kontakt med Vipps akkurat nå, så du er ikke påmeldt, og ingenting er trukket.');
  await expect(page.getByLabel('Navn (må fylles ut)')).toHaveValue(NAME);
  await expect(page.getByLabel('E-post (må fylles ut)')).toHaveValue(EMAIL);
  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });
  expect(app.output()).toContain('"event":"course.payment_start_failed","code":"http_500"');

  await app.stop();
  const dumped = runScript('test/dump-db.ts', [], db.env);
  const dump = JSON.parse(dumped.stdout) as Dump;
  expect(dump['public.course_bookings'] ?? []).toEqual([]);
  expect(dump['public.course_orders'] ?? []).toEqual([]);
});
