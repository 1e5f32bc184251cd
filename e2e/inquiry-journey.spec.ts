import { runScript } from '../test/app';
import { ContactPage } from '../test/contact-page';
import { expect, test } from '../test/fixtures';
import { SECOND_ADDRESS, startLoopbackProxy, startSmtpRecorder, type LoopbackProxy, type SmtpRecorder } from '../test/second-address';
import { addStaff, signIn } from '../test/staff-pages';

/**
 * The core promise, end to end: a relative writes (with and without JavaScript), an adviser
 * signs in with password and code, reads, writes a note and closes the contact; three months
 * later every trace is gone, and no client address was ever stored, logged or sent.
 *
 * The app trusts one proxy hop here, so each forwarded address below *is* the client's
 * address as the app sees it; the form without JavaScript comes from a second loopback
 * address (127.0.0.2) with nothing forwarded, so the socket's own address is the client's.
 */
const CANARY_MESSAGE = 'kanari-melding-5d1e9c';
const CANARY_NAME = 'Kanari Navnesen';
const CANARY_EMAIL = 'kanari.9f3a@example.org';
const CANARY_NOTE = 'kanari-notat-77b2';
const CANARY_NOJS = 'kanari-uten-js-31c0';
const ADDRESSES = ['203.0.113.77', '2001:db8::77', SECOND_ADDRESS];
// A host name a client puts in X-Forwarded-Host: Next quotes it when it refuses a server action;
// it must reach no log line and no table.
const CANARY_HOST = 'kanari-vert-4c8e.example';
const MONTHS3 = (d: Date) => {
  const r = new Date(d);
  r.setMonth(r.getMonth() + 3);
  return r;
};

test.describe('an inquiry from form to deletion', () => {
  let proxy: LoopbackProxy | undefined;
  let smtp: SmtpRecorder | undefined;
  test.setTimeout(180_000);

  test.afterEach(async () => {
    await proxy?.close();
    await smtp?.close();
  });

  test('sent, read, noted, closed, kept until three months have passed, then gone without a trace @claim:ingen-ip @claim:henvendelse-tre-maaneder @claim:logg-uten-innhold @claim:versjon-med-samtykke', async ({ browser, page, contactPage: form, ownDatabase: db, startOwnApp }) => {
    const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser' });
    const started = new Date();
    smtp = await startSmtpRecorder();
    proxy = await startLoopbackProxy();
    const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0', TRUST_PROXY_HOPS: '1', SMTP_URL: smtp.url });

    // A server action sent with a made-up forwarded host: Next refuses it, and its message
    // quoting the host is cut before the log.
    const refused = await page.request.post(`${app.baseURL}/kontakt`, {
      headers: { 'X-Forwarded-Host': CANARY_HOST, Origin: app.baseURL, 'Next-Action': '0'.repeat(42), 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[]',
    });
    expect(refused.ok()).toBe(false);

    // A relative writes, from an address the trusted proxy forwards.
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': ADDRESSES[0]!, 'X-Real-IP': ADDRESSES[0]! });
    await form.open(app.baseURL);
    await form.fill({ name: CANARY_NAME, email: CANARY_EMAIL, message: CANARY_MESSAGE });
    await form.choose();
    await form.send();
    const reference = await form.reference();

    // And another, without JavaScript, straight from the second loopback address.
    const noJs = await browser.newContext({ javaScriptEnabled: false, proxy: { server: proxy.server } });
    const noJsPage = await noJs.newPage();
    const form2 = new ContactPage(noJsPage);
    await form2.open(app.baseURL);
    await form2.fill({ name: 'Per', phone: '91234567', message: CANARY_NOJS });
    await form2.choose({ contactBy: 'Ring meg' });
    await noJsPage.getByLabel('Jeg vil ikke at det opprettes journal om meg').check();
    await form2.send();
    const reference2 = await form2.reference();
    await noJs.close();
    expect(proxy.requests()).toBeGreaterThan(2);

    // An adviser signs in, from an IPv6 address, and handles the first one.
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': ADDRESSES[1]! });
    await signIn(page, app.baseURL, adviser);
    await expect(page.getByRole('link', { name: /Henvendelser \(2 uleste\)/ })).toBeVisible();
    await page.getByRole('navigation', { name: 'Ansattmeny' }).getByRole('link', { name: /Henvendelser/ }).click();
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await expect(page.getByText(CANARY_MESSAGE)).toBeVisible();
    await expect(page.getByText(CANARY_EMAIL)).toBeVisible();
    await expect(page.getByText('Har ikke reservert seg mot journal')).toBeVisible();
    await expect(page.getByText('Versjon 1, gjeldende da henvendelsen ble sendt')).toBeVisible();
    await page.getByLabel(/Nytt notat/).fill(CANARY_NOTE);
    await page.getByRole('button', { name: /Lagre notat/ }).click();
    await expect(page.getByText(CANARY_NOTE)).toBeVisible();
    // What it was about and what came of it: counted as numbers when the contact closes.
    await expect(page.getByText('Ingen tema er valgt ennå.')).toBeVisible();
    const reasons = page.getByRole('group', { name: 'Tema' });
    await reasons.getByLabel('Rus').check();
    await reasons.getByLabel('Demens').check();
    await page.getByRole('group', { name: 'Utfall' }).getByLabel('Veiledning gitt').check();
    await page.getByRole('button', { name: 'Lagre tema og utfall' }).click();
    await expect(page.getByText('Tema og utfall er lagret.')).toBeVisible();
    await expect(page.getByText('Ingen tema er valgt ennå.')).toBeHidden();
    await page.getByRole('button', { name: 'Avslutt kontakten' }).click();
    await expect(page.getByText(/Slettes \d+\. \w+ \d{4}/)).toBeVisible();
    // The second one is closed too, so both fall under the rule.
    await page.goto(`${app.baseURL}/staff/henvendelser`);
    await page.getByRole('link', { name: new RegExp(reference2) }).click();
    await expect(page.getByText('Har reservert seg mot journal', { exact: true })).toBeVisible();
    await page.getByRole('group', { name: 'Tema' }).getByLabel('Rus').check();
    await page.getByRole('group', { name: 'Tema' }).getByLabel('Skole').check();
    await page.getByRole('button', { name: 'Lagre tema og utfall' }).click();
    await expect(page.getByText('Tema og utfall er lagret.')).toBeVisible();
    await page.getByRole('button', { name: 'Avslutt kontakten' }).click();
    await expect(page.getByText(/Slettes \d+\. \w+ \d{4}/)).toBeVisible();
    const closedBy = new Date();
    const serverOutput = app.output();
    await app.stop();

    // At rest, what the relative wrote is sealed: not even the database holds it in the clear.
    const atRest = runScript('test/dump-db.ts', [], db.env);
    expect(atRest.status).toBe(0);
    expect(atRest.stdout).toContain(reference);
    for (const canary of [CANARY_MESSAGE, CANARY_NAME, CANARY_EMAIL, CANARY_NOTE, CANARY_NOJS]) expect(atRest.stdout).not.toContain(canary);
    for (const address of ADDRESSES) expect(atRest.stdout, `${address} in the database`).not.toContain(address);
    // The advisers were told by e-mail, and the mail names no address either.
    expect(smtp.mails().length).toBeGreaterThan(0);
    for (const address of ADDRESSES) for (const mail of smtp.mails()) expect(mail, `${address} in an e-mail`).not.toContain(address);

    // One minute short of three months: kept.
    const keep = runScript('purge', ['--now', new Date(MONTHS3(started).getTime() - 60_000).toISOString()], db.env);
    expect(JSON.parse(keep.stdout).rules.slice(0, 2)).toEqual([
      { rule: 'inquiries_3_months_after_closed', deleted: 0 },
      { rule: 'inquiries_journal_declined_3_months_after_closed', deleted: 0 },
    ]);

    // Past three months: both gone, with their notes, each by its rule (the second declined a journal).
    const purge = runScript('purge', ['--now', new Date(MONTHS3(closedBy).getTime() + 60_000).toISOString()], db.env);
    expect(JSON.parse(purge.stdout).rules.slice(0, 2)).toEqual([
      { rule: 'inquiries_3_months_after_closed', deleted: 1 },
      { rule: 'inquiries_journal_declined_3_months_after_closed', deleted: 1 },
    ]);

    const after = runScript('test/dump-db.ts', [], db.env);
    const dump = JSON.parse(after.stdout) as Record<string, unknown[]>;
    expect(dump['public.inquiries']).toEqual([]);
    expect(dump['public.inquiry_notes']).toEqual([]);
    expect(dump['public.inquiry_categories']).toEqual([]);
    // The reasons and outcomes outlive the inquiries as numbers: a day, a channel, a category, a count.
    const categories = dump['public.contact_categories'] as { id: number; label: string }[];
    const counted = (dump['public.daily_contact_categories'] as { day: string; channel: string; category_id: number; contacts: number }[])
      .filter((r) => r.contacts > 0)
      .map((r) => [categories.find((c) => c.id === r.category_id)?.label, r.channel, r.contacts])
      .sort();
    expect(counted).toEqual([
      ['Demens', 'henvendelse', 1],
      ['Rus', 'henvendelse', 2],
      ['Skole', 'henvendelse', 1],
      ['Veiledning gitt', 'henvendelse', 1],
    ]);
    // A day's numbers may be spread over a few rows (its shards); their sums are the day's counts.
    const days = dump['public.daily_contacts'] as { channel: string; shard: number; started: number; ended: number }[];
    expect(new Set(days.map((r) => r.channel))).toEqual(new Set(['henvendelse']));
    expect([days.reduce((n, r) => n + r.started, 0), days.reduce((n, r) => n + r.ended, 0)]).toEqual([2, 2]);
    for (const r of days) expect(r.shard >= 0 && r.shard < 8).toBe(true);
    // Nothing in them points back at an inquiry: no id of any kind, no time finer than a day.
    for (const table of ['daily_contacts', 'daily_contact_categories']) {
      for (const row of dump[`public.${table}`] as Record<string, unknown>[]) {
        expect(Object.keys(row).sort(), table).toEqual(table === 'daily_contacts' ? ['channel', 'day', 'ended', 'shard', 'started'] : ['category_id', 'channel', 'contacts', 'day']);
        expect(JSON.stringify(row)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:/);
      }
    }
    for (const needle of [reference, reference2, CANARY_MESSAGE, CANARY_NAME, CANARY_EMAIL, CANARY_NOTE, CANARY_NOJS, CANARY_HOST, ...ADDRESSES]) {
      expect(after.stdout, `${needle} left in the database`).not.toContain(needle);
    }
    for (const address of ADDRESSES) expect(serverOutput, `${address} in the server's output`).not.toContain(address);
    // Every page, the no-JavaScript answers included, ran only scripts the policy allows.
    expect(serverOutput).not.toContain('csp.inline_script_refused');
    for (const canary of [CANARY_MESSAGE, CANARY_NAME, CANARY_EMAIL, CANARY_NOTE, CANARY_HOST]) expect(serverOutput).not.toContain(canary);
  });
});
