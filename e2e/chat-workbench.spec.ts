import type { Page } from '@playwright/test';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

/**
 * The chat host's workbench across two instances (issue 16): a chat handed warm from a host on
 * one instance to a host on the other, with a note the visitor never sees.
 */
const NOTE = 'notat-kanari-7b2d: har snakket om mobbing, vil helst ha samme vert neste gang';

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
    await first.getByLabel('Svar i samtale 1').fill('Takk for at du skriver. Fortell meg mer.');
    await first.getByLabel('Svar i samtale 1').press('Enter');
    await expect(visitorLog(visitor).getByText('Takk for at du skriver. Fortell meg mer.')).toBeVisible();

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
    await expect(log.getByText('Takk for at du skriver. Fortell meg mer.')).toBeVisible();
    await expect(log.getByText('Tidligere chatvert', { exact: false })).toBeVisible();
    await expect(second.getByRole('region', { name: 'Notater fra overføring' })).toContainText(NOTE);
    await expect(second.getByRole('region', { name: 'Notater fra overføring' })).toContainText('Anne Vert');
    await axe(second);

    // The visitor hears only the new first name, and never the note.
    await expect(visitor.getByRole('heading', { name: 'Du snakker med Bo' })).toBeVisible();
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
