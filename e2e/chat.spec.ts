import type { Page } from '@playwright/test';
import { flaggedChatDeadline } from '../lib/chat/working-day';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';
import { SECOND_ADDRESS, startLoopbackProxy, type LoopbackProxy } from '../test/second-address';
import { addStaff, signIn } from '../test/staff-pages';

/**
 * The anonymous chat end to end, as the issue asks: a visitor on one app instance and a chat
 * host on another, on one PostgreSQL database; messages both ways in real time; the visitor's
 * instance goes away and comes back without a message lost or doubled; the end clears the
 * visitor's screen; a flagged chat is gone after the end of the next working day, and nothing
 * the visitor wrote or sent from is anywhere in the database.
 *
 * Both instances trust one proxy hop, so the visitor's forwarded address *is* the client's
 * address as the app sees it; the host connects from a second loopback address (127.0.0.2)
 * with nothing forwarded. Neither address may appear in a table or a log line.
 */
const CANARIES = ['kanari-besokende-6c1f', 'kanari-vert-a93d', 'kanari-borte-1-77e0', 'kanari-borte-2-5b2c', 'kanari-tilbake-0d4e'];
const ADDRESS = '203.0.113.58';
const ADDRESSES = [ADDRESS, SECOND_ADDRESS];
const MINUTE = 60_000;

const visitorLog = (page: Page) => page.getByRole('log', { name: 'Meldinger' });

async function expectOnce(page: Page, text: string) {
  await expect(visitorLog(page).getByText(text, { exact: true })).toHaveCount(1);
}

test.describe('chat across two instances', () => {
  let proxy: LoopbackProxy | undefined;
  test.setTimeout(240_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'postgres', 'two instances share one PostgreSQL database; PGlite serves one process');
  });
  test.afterEach(async () => {
    await proxy?.close();
  });

  test('visitor on A, host on B: real time both ways, a dropped connection resumes exactly, the end clears the screen, and the purge leaves nothing @claim:ingen-ip @claim:chat-uten-navn', async ({ browser, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
    const env = { CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0', TRUST_PROXY_HOPS: '1' };
    const [firstA, appB] = await Promise.all([startOwnApp(env), startOwnApp(env)]);
    let appA = firstA;
    proxy = await startLoopbackProxy();

    const visitorContext = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ADDRESS } });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${appA.baseURL}/chat`);
    await expect(visitor.getByText('taushetsplikt')).toBeVisible();
    await visitor.getByRole('button', { name: 'Start chat' }).click();
    await expect(visitor.getByRole('status')).toHaveText(/Du er nummer 1 i køen/);
    await axe(visitor);
    const cookies = await visitorContext.cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: 'hl_chat', path: '/chat', httpOnly: true, sameSite: 'Strict', expires: -1 });

    const console_ = await staffPage(appB.baseURL, host, { context: { proxy: { server: proxy.server } } });
    await console_.goto(`${appB.baseURL}/staff/chat`);
    await console_.getByRole('button', { name: 'Ta samtalen' }).click();
    await expect(visitor.getByRole('heading', { name: 'Du snakker med Hanne' })).toBeVisible();
    await axe(console_);

    // Both ways, across instances.
    await visitor.getByLabel('Din melding').fill(CANARIES[0]!);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect(console_.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText(CANARIES[0]!)).toBeVisible();
    await console_.getByLabel('Svar i samtale 1').fill(CANARIES[1]!);
    await console_.getByRole('button', { name: 'Send' }).click();
    await expectOnce(visitor, CANARIES[1]!);
    await expect(visitor.getByLabel('Din melding')).toHaveValue('');
    await axe(visitor);

    // The visitor writes a phone number: the console asks for the flag, and the host flags it.
    await visitor.getByLabel('Din melding').fill('Du kan ringe meg på 912 34 567');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect(console_.getByText(/ser ut som et telefonnummer/)).toBeVisible();
    await console_.getByRole('button', { name: 'Inneholder personopplysninger' }).click();
    const flaggedAt = new Date();
    await expect(console_.getByText(/Merket: inneholder personopplysninger/)).toBeVisible();

    // The host marks what the chat was about and what came of it.
    await console_.getByText('Tema og utfall (ingen valgt)').click();
    await console_.getByRole('group', { name: 'Tema' }).getByLabel('Skole').check();
    await console_.getByRole('group', { name: 'Utfall' }).getByLabel('Henvist videre').check();
    await console_.getByRole('button', { name: 'Lagre tema og utfall' }).click();
    await expect(console_.getByText('Tema og utfall er lagret.')).toBeVisible();
    await expect(console_.getByText('Tema og utfall (2 valgt)')).toBeVisible();

    // Instance A goes away: the visitor's stream drops. The host writes meanwhile; A comes back on
    // the same address, the browser reconnects with the last message number it had.
    const portA = Number(new URL(appA.baseURL).port);
    await appA.stop();
    await console_.getByLabel('Svar i samtale 1').fill(CANARIES[2]!);
    await console_.getByRole('button', { name: 'Send' }).click();
    await expect(console_.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText(CANARIES[2]!)).toBeVisible();
    await console_.getByLabel('Svar i samtale 1').fill(CANARIES[3]!);
    await console_.getByRole('button', { name: 'Send' }).click();
    await expect(console_.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText(CANARIES[3]!)).toBeVisible();
    appA = await startOwnApp(env, { port: portA });
    await expectOnce(visitor, CANARIES[2]!);
    await expectOnce(visitor, CANARIES[3]!);
    await expectOnce(visitor, CANARIES[1]!);
    await expectOnce(visitor, CANARIES[0]!);
    await visitor.getByLabel('Din melding').fill(CANARIES[4]!);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect(console_.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText(CANARIES[4]!)).toBeVisible();

    // A refresh in the same tab resumes the chat with its messages.
    await visitor.reload();
    await expectOnce(visitor, CANARIES[3]!);

    // The visitor ends it: the screen is cleared, nothing is kept in the browser.
    await visitor.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await expect(visitor.getByRole('status')).toHaveText(/Samtalen er avsluttet/);
    for (const canary of CANARIES) await expect(visitor.getByText(canary)).toHaveCount(0);
    expect(await visitor.evaluate(() => localStorage.length)).toBe(0);
    expect(await visitor.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    expect(await visitorContext.cookies()).toEqual([]);
    await axe(visitor);
    await expect(console_.getByText('Du har ingen åpne samtaler.')).toBeVisible();
    await Promise.all([visitorContext.close(), console_.context().close()]);
    await appA.stop();
    await appB.stop();

    // The flag makes it due at the end of the next working day.
    const deadline = flaggedChatDeadline(flaggedAt);
    const before = runScript('purge', ['--now', new Date(deadline.getTime() - MINUTE).toISOString()], db.env);
    expect(before.status).toBe(0);
    const kept = JSON.parse(runScript('test/dump-db.ts', [], db.env).stdout) as Record<string, unknown[]>;
    expect(kept['public.chat_conversations']).toHaveLength(1);
    expect(kept['public.chat_messages']!.length).toBeGreaterThanOrEqual(6);
    expect(proxy.requests()).toBeGreaterThan(2);
    for (const address of ADDRESSES) expect(JSON.stringify(kept), `${address} in the database`).not.toContain(address);
    const after = runScript('purge', ['--now', new Date(deadline.getTime() + MINUTE).toISOString()], db.env);
    expect(after.status).toBe(0);
    const dump = runScript('test/dump-db.ts', [], db.env).stdout;
    const tables = JSON.parse(dump) as Record<string, unknown[]>;
    expect(tables['public.chat_conversations']).toEqual([]);
    expect(tables['public.chat_messages']).toEqual([]);
    expect(tables['public.chat_categories']).toEqual([]);
    // What it was about outlives it as numbers only, on the day it ended.
    const labels = new Map((tables['public.contact_categories'] as { id: number; label: string }[]).map((c) => [c.id, c.label]));
    const counted = (tables['public.daily_contact_categories'] as { channel: string; category_id: number; contacts: number }[]).map((r) => [labels.get(r.category_id), r.channel, r.contacts]).sort();
    expect(counted).toEqual([
      ['Henvist videre', 'chat', 1],
      ['Skole', 'chat', 1],
    ]);
    expect((tables['public.daily_chat_waits'] as { chats: number }[]).reduce((n, r) => n + r.chats, 0)).toBe(1);
    for (const canary of [...CANARIES, ...ADDRESSES, '912 34 567']) expect(dump, `${canary} in the database`).not.toContain(canary);
    for (const canary of [...CANARIES, ...ADDRESSES]) {
      expect(appA.output(), `${canary} in instance A's output`).not.toContain(canary);
      expect(appB.output(), `${canary} in instance B's output`).not.toContain(canary);
    }
  });
});

test.describe('the chat by keyboard alone', () => {
  test.setTimeout(120_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'the page behaves the same on both databases; one run is enough');
  });

  test('Tab to "Start chat" and Enter put focus in the message field; the queue, the host joining and the end are announced, and focus never falls to the page', async ({ browser, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
    const app = await startOwnApp({ CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0' });
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${app.baseURL}/chat`);
    const start = visitor.getByRole('button', { name: 'Start chat' });
    await expect(start).toBeVisible();
    // As someone without a mouse gets there: Tab, from the top of the page, until the button has focus.
    let presses = 0;
    while (!(await start.evaluate((button) => button === document.activeElement))) {
      expect(++presses, 'Tab presses before "Start chat"').toBeLessThan(40);
      await visitor.keyboard.press('Tab');
    }
    await visitor.keyboard.press('Enter');
    const field = visitor.getByLabel('Din melding');
    await expect(field).toBeFocused();
    await expect(visitor.getByRole('status')).toHaveText(/Du er nummer 1 i køen/);

    // Typing while waiting; a host joins: said in the status (a polite live region), and the
    // visitor's focus and half-written text stay where they were.
    await visitor.keyboard.type('Jeg lurer på');
    const console_ = await staffPage(app.baseURL, host);
    await console_.goto(`${app.baseURL}/staff/chat`);
    await console_.getByRole('button', { name: 'Ta samtalen' }).click();
    await expect(visitor.getByRole('status')).toHaveText('Hanne er med i samtalen nå.');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('Jeg lurer på');
    await axe(visitor);

    // The host ends the chat while the visitor is in the field: the field goes, focus moves to
    // the button for a new chat (not to the page), and the status says it ended.
    await console_.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await console_.getByRole('button', { name: 'Ja, avslutt' }).click();
    await expect(visitor.getByRole('status')).toHaveText(/Samtalen er avsluttet/);
    const again = visitor.getByRole('button', { name: 'Start en ny samtale' });
    await expect(again).toBeFocused();

    // A new chat, ended by the visitor with the keyboard: focus goes to the same button.
    await visitor.keyboard.press('Enter');
    await expect(field).toBeFocused();
    await visitor.keyboard.press('Tab');
    await visitor.keyboard.press('Tab');
    await expect(visitor.getByRole('button', { name: 'Avslutt samtalen' })).toBeFocused();
    await visitor.keyboard.press('Enter');
    await expect(visitor.getByRole('status')).toHaveText(/Samtalen er avsluttet/);
    await expect(again).toBeFocused();
  });
});

test.describe('availability and honest waiting', () => {
  test.setTimeout(180_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'one instance is enough: availability is read from the database on every start');
  });

  test('with both hosts on pause the visitor hears nobody is free and sees the numbers; a message typed while waiting arrives on join; with a limit of one the next chat waits for the next available host', async ({ browser, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const anne = addStaff(db.env, { email: 'anne@example.org', role: 'chat_host', name: 'Anne Vert' });
    const bo = addStaff(db.env, { email: 'bo@example.org', role: 'chat_host', name: 'Bo Vert' });
    // Six chats answered in 2–5 minutes today: the estimate rests on them.
    expect(runScript('test/seed-chat-waits.ts', ['3', '6'], db.env).status).toBe(0);
    const app = await startOwnApp({ CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0' });

    const hosts = [await staffPage(app.baseURL, anne), await staffPage(app.baseURL, bo)] as const;
    for (const host of hosts) {
      await host.goto(`${app.baseURL}/staff/chat`);
      await expect(host.getByRole('status').filter({ hasText: 'Tilkoblet.' })).toBeVisible();
      await host.getByRole('radio', { name: 'Pause' }).click();
      await expect(host.getByRole('radio', { name: 'Pause' })).toBeChecked();
    }
    const [a, b] = hosts;

    const first = await (await browser.newContext()).newPage();
    await first.goto(`${app.baseURL}/chat`);
    await first.getByRole('button', { name: 'Start chat' }).click();
    await expect(first.getByRole('status')).toHaveText(/^Du er nummer 1 i køen\. Ingen chatverter er ledige akkurat nå/);
    await expect(first.getByRole('status')).not.toHaveText(/Vanligvis/);
    const waiting = first.getByRole('region', { name: 'Du venter på svar' });
    for (const number of ['116 111', '116 123']) await expect(waiting.getByRole('link', { name: number, exact: true })).toBeVisible();
    for (const viewport of [{ width: 320, height: 800 }, { width: 1280, height: 900 }]) {
      await first.setViewportSize(viewport);
      await axe(first);
    }
    await expect(a.getByText('Du har pause, så du tar ikke nye samtaler.')).toBeVisible();
    await expect(a.getByRole('button', { name: 'Ta samtalen' })).toHaveCount(0);
    await axe(a);

    // Typed while waiting: shown to the visitor at once, read by the host who takes the chat.
    await first.getByLabel('Din melding').fill('Hei, er det noen der?');
    await first.getByLabel('Din melding').press('Enter');
    await expect(visitorLog(first).getByText('Hei, er det noen der?', { exact: true })).toBeVisible();

    // Anne comes back with room for one chat: the visitor's page, asking again, gives the estimate.
    await a.getByRole('radio', { name: 'Tilgjengelig for nye samtaler' }).click();
    await expect(a.getByRole('radio', { name: 'Tilgjengelig for nye samtaler' })).toBeChecked();
    await a.getByLabel('Samtaler samtidig').selectOption('1');
    await expect(a.getByLabel('Samtaler samtidig')).toHaveValue('1');
    await expect(first.getByRole('status')).toHaveText('Du er nummer 1 i køen. Vanligvis svarer vi innen 5 minutter.', { timeout: 30_000 });
    await expect(waiting.getByRole('link', { name: '116 111', exact: true })).toBeHidden();
    await a.getByRole('button', { name: 'Ta samtalen' }).click();
    await expect(first.getByRole('heading', { name: 'Du snakker med Anne' })).toBeVisible();
    await expect(a.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText('Hei, er det noen der?')).toBeVisible();

    // A second visitor: Anne is at her limit and Bo is on pause, so it waits, and is told so.
    const second = await (await browser.newContext()).newPage();
    await second.goto(`${app.baseURL}/chat`);
    await second.getByRole('button', { name: 'Start chat' }).click();
    await expect(second.getByRole('status')).toHaveText(/^Du er nummer 1 i køen\. Ingen chatverter er ledige/);
    await expect(a.getByText('Du har én samtale, som er grensen din.', { exact: false })).toBeVisible();
    await expect(a.getByRole('button', { name: 'Ta samtalen' })).toHaveCount(0);

    // Bo is the next available host: he takes it.
    await b.getByRole('radio', { name: 'Tilgjengelig for nye samtaler' }).click();
    await b.getByRole('button', { name: 'Ta samtalen' }).click();
    await expect(second.getByRole('heading', { name: 'Du snakker med Bo' })).toBeVisible();
    await expect(first.getByRole('heading', { name: 'Du snakker med Anne' })).toBeVisible();
  });
});

test.describe("the console's notice of new chats and messages", () => {
  test.setTimeout(180_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'postgres', 'two instances share one PostgreSQL database; PGlite serves one process');
  });

  test('the tab title counts the queue, and visitor messages that came while the tab was hidden, for a chat started on the other instance; the tone sounds only when chosen', async ({ browser, staffPage, ownDatabase: db, startOwnApp }) => {
    const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
    const env = { CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0' };
    const [appA, appB] = await Promise.all([startOwnApp(env), startOwnApp(env)]);
    const console_ = await staffPage(appB.baseURL, host);
    // Counts the tones the console starts (the browser makes them; nothing is fetched).
    await console_.addInitScript(() => {
      const counted = window as unknown as { tones: number };
      counted.tones = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
        counted.tones++;
        return start.apply(this, args);
      };
    });
    const tones = () => console_.evaluate(() => (window as unknown as { tones: number }).tones);
    const hidden = (yes: boolean) =>
      console_.evaluate((hide) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hide ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, yes);
    await console_.goto(`${appB.baseURL}/staff/chat`);
    await expect(console_.getByRole('status').filter({ hasText: 'Tilkoblet.' })).toBeVisible();
    const base = await console_.title();
    expect(base).not.toMatch(/^\(/);
    const sound = console_.getByLabel('Lyd ved nye samtaler og nye meldinger');
    await sound.check();
    expect(await tones()).toBe(1);

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${appA.baseURL}/chat`);
    await visitor.getByRole('button', { name: 'Start chat' }).click();
    await expect(console_).toHaveTitle(`(1 i kø) ${base}`);
    await expect.poll(tones).toBe(2);
    await console_.getByRole('button', { name: 'Ta samtalen' }).click();
    await expect(console_).toHaveTitle(base);

    // The host looks at another tab; two messages come.
    await hidden(true);
    for (const text of ['Er du der?', 'Jeg venter']) {
      await visitor.getByLabel('Din melding').fill(text);
      await visitor.getByLabel('Din melding').press('Enter');
      await expect(console_.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText(text)).toBeVisible();
    }
    await expect(console_).toHaveTitle(`(2 nye meldinger) ${base}`);
    expect(await tones()).toBe(4);
    await hidden(false);
    await expect(console_).toHaveTitle(base);

    // Without the tone chosen, a message makes none, and a reload shows nothing as new.
    await sound.uncheck();
    await visitor.getByLabel('Din melding').fill('Hallo');
    await visitor.getByLabel('Din melding').press('Enter');
    await expect(console_.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText('Hallo')).toBeVisible();
    expect(await tones()).toBe(4);
    await sound.check();
    await console_.reload();
    await expect(console_.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText('Hallo')).toBeVisible();
    await expect(console_).toHaveTitle(base);
    expect(await tones()).toBe(0);
  });
});

test.describe('the chat outside opening hours', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'one database is enough for a page');
  });

  test('shows the hours and the help numbers, and no way to start', async ({ page, axe, startOwnApp }) => {
    // A Sunday noon, with the chat open on weekdays only.
    const app = await startOwnApp({ CHAT_HOURS: 'man-fre 14:00-22:00', TEST_CLOCK_START: '2027-06-06T12:00:00+02:00', PURGE_INTERVAL_MINUTES: '0' });
    await page.goto(`${app.baseURL}/chat`);
    await expect(page.getByText('Chatten er åpen mandag–fredag')).toBeVisible();
    await expect(page.getByText(/åpner igjen/)).toBeVisible();
    const help = page.getByRole('region', { name: 'Trenger du hjelp nå?' });
    for (const number of ['112', '113', '116 111', '116 123']) await expect(help.getByRole('link', { name: number, exact: true })).toBeVisible();
    await expect(help.getByText('Gratis. Åpent hele døgnet.')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Start chat' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Rask utgang/ })).toBeVisible();
    await axe(page);
  });
});

test.describe('a chat under a legal hold', () => {
  test.setTimeout(240_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'the hold is the same on both databases (vitest covers both); one run here is enough');
  });

  test('an admin holds a flagged chat by its code and exports it; it outlives its deadline until handed over, then the purge takes it', async ({ browser, staffPage, ownDatabase: db, startOwnApp }) => {
    const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
    const admin = addStaff(db.env, { email: 'admin@example.org', role: 'admin', name: 'Anne Admin' });
    const env = { CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0' };
    let app = await startOwnApp(env);
    const canary = 'kanari-bevart-31f9';

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${app.baseURL}/chat`);
    await visitor.getByRole('button', { name: 'Start chat' }).click();
    const console_ = await staffPage(app.baseURL, host);
    await console_.goto(`${app.baseURL}/staff/chat`);
    await console_.getByRole('button', { name: 'Ta samtalen' }).click();
    await visitor.getByLabel('Din melding').fill(canary);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect(console_.getByText(canary)).toBeVisible();
    const code = (await console_.getByText(/CHAT-[A-Z2-9]{4}-[A-Z2-9]{4}/).first().textContent())!.match(/CHAT-[A-Z2-9]{4}-[A-Z2-9]{4}/)![0];
    await console_.getByRole('button', { name: 'Inneholder personopplysninger' }).click();
    const flaggedAt = new Date();
    await expect(console_.getByText(/Merket: inneholder personopplysninger/)).toBeVisible();
    await visitor.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await expect(visitor.getByRole('status')).toHaveText(/Samtalen er avsluttet/);

    const adminPage = await staffPage(app.baseURL, admin);
    await adminPage.goto(`${app.baseURL}/staff/bevaring`);
    await adminPage.getByLabel('Referansekoden til henvendelsen eller chatten').fill(code.toLowerCase().replace(/-/g, ' '));
    await adminPage.getByLabel('Politiets referanse').fill('Politiet 27/4242');
    await adminPage.getByLabel('Begrunnelse').fill('Gjelder Ola Nordmann');
    await adminPage.getByRole('button', { name: 'Legg inn pålegget' }).click();
    await expect(adminPage.getByText(`Chat ${code} slettes ikke så lenge pålegget gjelder.`)).toBeVisible();
    await adminPage.goto(`${app.baseURL}/staff/bevaring`);
    // Sealed at rest, but an admin reads the reference and reason as typed.
    await expect(adminPage.getByRole('cell', { name: 'Politiet 27/4242' })).toBeVisible();
    await expect(adminPage.getByRole('cell', { name: 'Gjelder Ola Nordmann' })).toBeVisible();
    await expect(adminPage.getByText('slettes 30 dager etter at det ble opphevet eller utlevert')).toBeVisible();
    const exportLink = adminPage.getByRole('link', { name: `Eksporter for ${code}` });
    await expect(exportLink).toHaveAttribute('href', /\/eksport$/);
    const exportHref = await exportLink.getAttribute('href');
    const exported = await adminPage.request.get(app.baseURL + exportHref!);
    expect(exported.status()).toBe(200);
    const text = await exported.text();
    expect(text).toContain(`Chatsamtale ${code}`);
    expect(text).toContain(canary);
    expect(text).toContain('Politiet 27/4242');
    await Promise.all([visitorContext.close(), console_.context().close()]);
    await app.stop();

    // Past its deadline, the hold keeps it.
    const deadline = flaggedChatDeadline(flaggedAt);
    expect(runScript('purge', ['--now', new Date(deadline.getTime() + MINUTE).toISOString()], db.env).status).toBe(0);
    const held = JSON.parse(runScript('test/dump-db.ts', [], db.env).stdout) as Record<string, unknown[]>;
    expect(held['public.chat_conversations']).toHaveLength(1);
    expect(held['public.legal_holds']).toHaveLength(1);
    for (const text of ['Politiet 27/4242', '27/4242', 'Ola Nordmann']) expect(JSON.stringify(held)).not.toContain(text);

    // Handed over: gone with the next purge.
    app = await startOwnApp(env);
    // That purge ran days ahead, so it also deleted the admin's session as idle: sign in again.
    await adminPage.goto(`${app.baseURL}/staff/bevaring`);
    await expect(adminPage).toHaveURL(/\/staff\/logg-inn/);
    await signIn(adminPage, app.baseURL, admin);
    await adminPage.goto(`${app.baseURL}/staff/bevaring`);
    await adminPage.getByRole('link', { name: `Marker som utlevert for ${code}` }).click();
    await expect(adminPage.getByText('Politiet 27/4242')).toBeVisible();
    await adminPage.getByRole('button', { name: /Marker som utlevert/ }).click();
    await expect(adminPage.getByRole('status')).toContainText(/utlevert/i);
    await adminPage.context().close();
    await app.stop();
    expect(runScript('purge', [], db.env).status).toBe(0);
    const after = runScript('test/dump-db.ts', [], db.env).stdout;
    expect((JSON.parse(after) as Record<string, unknown[]>)['public.chat_conversations']).toEqual([]);
    expect(after).not.toContain(canary);
    // The hold itself stays HOLD_RETENTION_DAYS (30) after the handover, then the purge takes it.
    expect((JSON.parse(after) as Record<string, unknown[]>)['public.legal_holds']).toHaveLength(1);
    expect(runScript('purge', ['--now', new Date(Date.now() + 31 * 86_400_000).toISOString()], db.env).status).toBe(0);
    const later = JSON.parse(runScript('test/dump-db.ts', [], db.env).stdout) as Record<string, { rule?: string; deleted?: number }[]>;
    expect(later['public.legal_holds']).toEqual([]);
    expect(later['public.purge_receipts']!.filter((r) => r.rule === 'legal_holds_30_days_after_ended').map((r) => r.deleted)).toEqual([1]);
  });
});

test.describe('quick exit from the chat', () => {
  test('Escape leaves for the neutral site and ends the chat, so the chat page shows nothing of it afterwards', async ({ page, context, neutralSite }, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'the browser side is the same on both databases');
    await page.goto('/chat');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await expect(page.getByRole('status')).toHaveText(/i køen/);
    await page.getByLabel('Din melding').fill('kanari-rask-utgang-8e21');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('log', { name: 'Meldinger' }).getByText('kanari-rask-utgang-8e21')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(neutralSite);
    await page.goto('/chat');
    await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
    await expect(page.getByText('kanari-rask-utgang-8e21')).toHaveCount(0);
    expect(await context.cookies()).toEqual([]);
  });

  test('Escape works from the first frame: pressed while the page is still arriving, it leaves and ends the running chat', async ({ page, context, neutralSite }, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'the browser side is the same on both databases');
    await page.goto('/chat');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await expect(page.getByRole('status')).toHaveText(/i køen/);
    // The page as far as the quick-exit button: the chat's panel and its script have not come yet.
    await page.route(
      '**/chat',
      async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !/^content-(encoding|length)$/i.test(name)));
        await route.fulfill({ status: response.status(), headers, body: html.slice(0, html.indexOf('<main')) });
      },
      { times: 1 },
    );
    await page.goto('/chat', { waitUntil: 'commit' });
    await expect(page.locator('[data-quick-exit]')).toBeAttached();
    expect(await page.locator('[data-chat]').count(), 'the chat panel is not there yet').toBe(0);
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(neutralSite);
    await expect.poll(() => context.cookies()).toEqual([]);
    await page.goto('/chat');
    await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
  });
});

test.describe('the chat without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('says the chat needs JavaScript, offers the phone numbers, and shows no chat to start', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'one database is enough for a page');
    await page.goto('/chat');
    await expect(page.getByText('Chatten trenger JavaScript. Er det slått av, kan du ringe et av numrene under i stedet.')).toBeVisible();
    const help = page.getByRole('region', { name: 'Trenger du hjelp nå?' });
    for (const number of ['112', '113', '116 111', '116 123']) await expect(help.getByRole('link', { name: number, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start chat' })).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Din melding' })).toBeHidden();
    await expect(page.getByRole('link', { name: /Rask utgang/ })).toHaveAttribute('href', /^https?:/);
  });
});
