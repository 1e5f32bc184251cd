import type { Page } from '@playwright/test';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

/**
 * The chat host's workbench across two instances (issue 16): a host answers with a ready answer
 * by keyboard, then hands the chat warm to a host on the other instance, with a note the visitor
 * never sees.
 */
const NOTE = 'notat-kanari-7b2d: har snakket om mobbing, vil helst ha samme vert neste gang';

/** The seeded ready answer "Er du trygg nå?" (db/migrations/0015_chat_quick_replies.sql). */
const READY = 'Jeg blir litt bekymret når jeg leser det du skriver. Er du trygg akkurat nå?';

const visitorLog = (page: Page) => page.getByRole('log', { name: 'Meldinger' });

type Dump = Record<string, Record<string, unknown>[]>;

test.describe('handing a chat over across two instances', () => {
  test.setTimeout(240_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'postgres', 'two instances share one PostgreSQL database; PGlite serves one process');
  });

  test('the host hands the chat warm to a colleague on the other instance, who sees the history and the note; the visitor sees only the new first name; the first host can no longer write; both are in the access log', async ({ browser, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const anne = addStaff(db.env, { email: 'anne@example.org', role: 'chat_host', name: 'Anne Vert' });
    const bo = addStaff(db.env, { email: 'bo@example.org', role: 'chat_host', name: 'Bo Bakken' });
    const env = { CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0' };
    const [appA, appB] = await Promise.all([startOwnApp(env), startOwnApp(env)]);

    const first = await staffPage(appA.baseURL, anne);
    await first.goto(`${appA.baseURL}/staff/chat`);
    const second = await staffPage(appB.baseURL, bo);
    await second.goto(`${appB.baseURL}/staff/chat`);
    await expect(second.getByRole('status').filter({ hasText: 'Tilkoblet.' })).toBeVisible();

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${appA.baseURL}/chat`);
    await visitor.getByRole('button', { name: 'Start chat' }).click();
    await visitor.getByLabel('Din melding').fill('Jeg blir mobbet på skolen');
    await visitor.getByLabel('Din melding').press('Enter');
    await first.getByRole('button', { name: 'Ta samtalen' }).click();
    await expect(visitor.getByRole('heading', { name: 'Du snakker med Anne' })).toBeVisible();
    // A ready answer by keyboard: / and a few letters, Enter inserts it, a few words more, Enter sends.
    const reply = first.getByLabel('Svar i samtale 1');
    await reply.focus();
    await first.keyboard.type('/trygg');
    await expect(first.getByRole('listbox', { name: 'Hurtigsvar' }).getByRole('option', { selected: true })).toHaveText(/^Er du trygg nå\?/);
    await first.keyboard.press('Enter');
    await expect(reply).toHaveValue(READY);
    await first.keyboard.type(' Fortell meg mer.');
    await first.keyboard.press('Enter');
    await expect(visitorLog(visitor).getByText(`${READY} Fortell meg mer.`, { exact: true })).toBeVisible();

    // Warm handover, by keyboard: open the panel, choose Bo, write the note, send.
    await first.getByText('Gi samtalen videre').click();
    const to = first.getByLabel('Gi til');
    await expect(to.getByRole('option', { name: 'Bo Bakken' })).toBeAttached();
    await to.selectOption({ label: 'Bo Bakken' });
    await first.getByLabel('Notat til den som tar over').fill(NOTE);
    await axe(first);
    await first.getByRole('button', { name: 'Gi videre', exact: true }).click();
    await expect(first.getByText('Samtale 1 er gitt videre til Bo Bakken.')).toBeVisible();
    await expect(first.getByText('Du har ingen åpne samtaler.')).toBeVisible();

    // Bo, on the other instance, has the chat with its history and the note.
    const log = second.getByRole('log', { name: 'Meldinger i samtale 1' });
    await expect(log.getByText('Jeg blir mobbet på skolen')).toBeVisible();
    await expect(log.getByText(`${READY} Fortell meg mer.`)).toBeVisible();
    await expect(log.getByText('Tidligere chatvert', { exact: false })).toBeVisible();
    await expect(second.getByRole('region', { name: 'Notater fra kolleger' })).toContainText(NOTE);
    await expect(second.getByRole('region', { name: 'Notater fra kolleger' })).toContainText('Anne Vert');
    await axe(second);

    // The visitor hears only the new first name, and never the note.
    await expect(visitor.getByRole('heading', { name: 'Du snakker med Bo' })).toBeVisible();
    // Said in the polite status line; the visitor's focus stays in the field, where it was.
    await expect(visitor.getByRole('status')).toHaveText('Bo er med i samtalen nå.');
    await expect(visitor.getByLabel('Din melding')).toBeFocused();
    await expect(visitorLog(visitor).getByText('Bo har tatt over samtalen.')).toBeVisible();
    await second.getByLabel('Svar i samtale 1').fill('Hei, jeg heter Bo og tar over herfra.');
    await second.getByLabel('Svar i samtale 1').press('Enter');
    await expect(visitorLog(visitor).getByText('Hei, jeg heter Bo og tar over herfra.')).toBeVisible();
    const seen = await visitor.content();
    expect(seen).not.toContain('notat-kanari');
    expect(seen).not.toContain('Bakken');

    // Anne can no longer write in it, even straight to the handler.
    const chatId = await second.locator('[id^="samtale-"]').first().getAttribute('id');
    const refused = await first.request.post(`${appA.baseURL}/staff/chat/api/handling`, {
      headers: { Origin: appA.baseURL, 'Content-Type': 'application/json' },
      data: { handling: 'send', id: chatId!.replace('samtale-', ''), tekst: 'Er du der fortsatt?' },
    });
    expect(refused.status()).toBe(409);
    await expect(visitorLog(visitor).getByText('Er du der fortsatt?')).toHaveCount(0);

    // Both sides are in the access log; the note is sealed at rest.
    const dumped = runScript('test/dump-db.ts', [], db.env);
    expect(dumped.status).toBe(0);
    const dump = JSON.parse(dumped.stdout) as Dump;
    const actions = (dump['public.access_log'] ?? []).map((r) => r.action);
    expect(actions).toContain('chat_handover');
    expect(actions).toContain('chat_handover_received');
    expect(dumped.stdout).not.toContain('notat-kanari');
  });
});

test.describe("a supervisor's eye", () => {
  test.setTimeout(240_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'pages and one instance: one database is enough');
  });

  test('an admin sees the open chats, opens one read-only (the host sees the marker, the access log has the row), writes the host a note and stops; an adviser cannot; an ended chat cannot be read', async ({ browser, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
    const lead = addStaff(db.env, { email: 'leder@example.org', role: 'admin', name: 'Lise Leder' });
    const adviser = addStaff(db.env, { email: 'rad@example.org', role: 'adviser', name: 'Rune Rådgiver' });
    // Every waiting chat has waited "too long" here, so the supervisor's alert shows at once.
    const app = await startOwnApp({ CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0', CHAT_WAIT_ALERT_MINUTES: '0' });

    const console_ = await staffPage(app.baseURL, host);
    await console_.goto(`${app.baseURL}/staff/chat`);
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${app.baseURL}/chat`);
    await visitor.getByRole('button', { name: 'Start chat' }).click();
    await expect(visitor.getByRole('status')).toHaveText(/Du er nummer 1 i køen/);
    const supervisor = await staffPage(app.baseURL, lead);
    await supervisor.goto(`${app.baseURL}/staff/chat/tilsyn`);
    await expect(supervisor.getByRole('alert').filter({ hasText: 'har ventet' })).toHaveText('En samtale har ventet i mer enn 0 minutter uten å bli tatt.');
    await expect(supervisor.getByRole('row').filter({ hasText: 'Venter, lenge' })).toHaveCount(1);
    await console_.getByRole('button', { name: 'Ta samtalen' }).click();
    await expect(visitor.getByRole('heading', { name: 'Du snakker med Hanne' })).toBeVisible();
    await visitor.getByLabel('Din melding').fill('Jeg klarer ikke å sove om natta');
    await visitor.getByLabel('Din melding').press('Enter');
    await expect(console_.getByRole('log', { name: 'Meldinger i samtale 1' }).getByText('Jeg klarer ikke å sove om natta')).toBeVisible();

    // The overview: state, host and times, no content.
    await supervisor.goto(`${app.baseURL}/staff/chat`);
    await supervisor.getByRole('link', { name: 'tilsyn med alle åpne samtaler' }).click();
    await expect(supervisor.getByRole('heading', { level: 1 })).toHaveText('Tilsyn med chatten');
    const row = supervisor.getByRole('row').filter({ hasText: 'Hanne Vert' });
    await expect(row).toContainText('Pågår');
    await expect(supervisor.getByText('Jeg klarer ikke å sove om natta')).toHaveCount(0);
    for (const viewport of [{ width: 320, height: 800 }, { width: 1280, height: 900 }]) {
      await supervisor.setViewportSize(viewport);
      await axe(supervisor);
    }

    // Read-only: the messages, no field to write to the visitor; the host is told.
    await row.getByRole('link').click();
    await expect(supervisor.getByRole('heading', { level: 1 })).toHaveText(/^Samtale CHAT-/);
    await expect(supervisor.getByText('Jeg klarer ikke å sove om natta')).toBeVisible();
    await expect(supervisor.getByLabel('Din melding')).toHaveCount(0);
    await expect(console_.getByText('Leses av leder nå: Lise Leder.')).toBeVisible();
    for (const viewport of [{ width: 320, height: 800 }, { width: 1280, height: 900 }]) {
      await supervisor.setViewportSize(viewport);
      await axe(supervisor);
    }
    const chatUrl = supervisor.url();

    // A note to the host, never to the visitor.
    await supervisor.getByLabel('Notat til chatverten').fill('Spør om hun har snakket med helsesykepleier.');
    await supervisor.getByRole('button', { name: 'Send notatet' }).click();
    await expect(supervisor.getByRole('status').filter({ hasText: 'Notatet er sendt' })).toBeVisible();
    await expect(console_.getByRole('region', { name: 'Notater fra kolleger' })).toContainText('Lise Leder: Spør om hun har snakket med helsesykepleier.');
    await expect(visitor.getByText('helsesykepleier')).toHaveCount(0);

    // An adviser has no overview and no chat.
    const advisers = await staffPage(app.baseURL, adviser);
    expect((await advisers.goto(`${app.baseURL}/staff/chat/tilsyn`))?.status()).toBe(404);
    const refused = await advisers.goto(chatUrl);
    expect(refused?.status()).toBe(404);
    expect(await advisers.content()).not.toContain('sove om natta');

    // Stopping clears the marker; once the chat has ended it cannot be read this way.
    await supervisor.getByRole('button', { name: 'Slutt å lese' }).click();
    await expect(supervisor.getByRole('heading', { level: 1 })).toHaveText('Tilsyn med chatten');
    await expect(console_.getByText('Leses av leder nå')).toHaveCount(0);
    await console_.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await console_.getByRole('button', { name: 'Ja, avslutt' }).click();
    await expect(visitor.getByRole('status')).toHaveText(/Samtalen er avsluttet/);
    expect((await supervisor.goto(chatUrl))?.status()).toBe(404);
    expect(await supervisor.content()).not.toContain('sove om natta');

    await app.stop();
    const dumped = runScript('test/dump-db.ts', [], db.env);
    const dump = JSON.parse(dumped.stdout) as Dump;
    const ids = Object.fromEntries((dump['public.staff'] ?? []).map((s) => [s['email'], s['id']]));
    const looks = (dump['public.access_log'] ?? []).filter((r) => String(r['action']).startsWith('chat_supervise'));
    const chatId = chatUrl.split('/').pop();
    expect(looks.map((r) => [r['action'], r['object_id'], r['staff_id']])).toEqual([
      ['chat_supervise_list', null, ids['leder@example.org']],
      ['chat_supervise_list', null, ids['leder@example.org']],
      ['chat_supervise_view', chatId, ids['leder@example.org']],
      ['chat_supervise_note', chatId, ids['leder@example.org']],
      // The page reads the chat again after the note: another look.
      ['chat_supervise_view', chatId, ids['leder@example.org']],
      ['chat_supervise_list', null, ids['leder@example.org']],
    ]);
    expect((dump['public.access_log'] ?? []).filter((r) => r['staff_id'] === ids['rad@example.org'] && String(r['action']).startsWith('chat_'))).toEqual([]);
    expect(dump['public.chat_supervision'] ?? []).toEqual([]);
  });
});
