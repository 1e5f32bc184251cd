import type { Page } from '@playwright/test';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

/**
 * A visitor's right to have a chat deleted at once: the visitor sees the chat's code while
 * chatting and after the end, quotes it, and a chat host deletes the chat by it on "Slett chat
 * på forespørsel". Afterwards a dump of the whole database has nothing of the chat (no row, no
 * word written, not its code), but a receipt and the access-log rows, which hold no content.
 * And the chat's one cookie: a random number only, for the chat's own addresses, with no expiry,
 * removed when the chat ends.
 */
const CANARIES = ['kanari-slett-besokende-4e2a', 'kanari-slett-vert-91bd'];
const CODE = /CHAT-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}/;
const env = { CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0' };

async function codeOn(page: Page, where = page.locator('body')): Promise<string> {
  return (await where.getByText(CODE).first().textContent())!.match(CODE)![0];
}

type Dump = Record<string, Record<string, unknown>[]>;

test.describe('deleting a chat on request', () => {
  test.setTimeout(180_000);

  test('@claim:chat-kode-synlig @claim:chat-sletting-paa-foresporsel the visitor sees the code; a host deletes the open chat by it; the visitor is told, and the database keeps nothing of it but a receipt and the access log', async ({ browser, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
    const app = await startOwnApp(env);

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${app.baseURL}/chat`);
    await visitor.getByRole('button', { name: 'Start chat' }).click();
    await expect(visitor.getByText('Oppgi koden hvis du vil at vi sletter samtalen med en gang.')).toBeVisible();
    const code = await codeOn(visitor);
    await axe(visitor);

    const console_ = await staffPage(app.baseURL, host);
    await console_.goto(`${app.baseURL}/staff/chat`);
    await console_.getByRole('button', { name: 'Ta samtalen' }).click();
    await visitor.getByLabel('Din melding').fill(CANARIES[0]!);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect(console_.getByText(CANARIES[0]!)).toBeVisible();
    await console_.getByLabel('Svar i samtale 1').fill(CANARIES[1]!);
    await console_.getByRole('button', { name: 'Send' }).click();
    await expect(visitor.getByText(CANARIES[1]!)).toBeVisible();
    // The host sees the same code on the conversation; a refresh of the visitor's tab shows it again.
    expect(await codeOn(console_)).toBe(code);
    await visitor.reload();
    await expect(visitor.getByText(CANARIES[1]!)).toBeVisible();
    expect(await codeOn(visitor)).toBe(code);
    // Never in an address.
    expect(visitor.url()).not.toContain(code);

    // The visitor quotes it; the host looks it up (as read aloud), sees state and dates only, and deletes.
    const deleter = await console_.context().newPage();
    await deleter.goto(`${app.baseURL}/staff/chat`);
    await deleter.getByRole('link', { name: 'Slett chat på forespørsel' }).click();
    await deleter.getByLabel('Samtalens kode').fill(code.toLowerCase().replace(/-/g, ' '));
    await deleter.getByRole('button', { name: 'Finn samtalen' }).click();
    const confirm = deleter.getByRole('region', { name: `Slette samtalen ${code}?` });
    await expect(confirm.getByText('Pågår nå')).toBeVisible();
    for (const canary of CANARIES) await expect(deleter.getByText(canary)).toHaveCount(0);
    await axe(deleter);
    await confirm.getByRole('button', { name: 'Slett samtalen nå' }).click();
    await expect(deleter.getByText('Samtalen er slettet med alle meldingene.')).toBeVisible();
    expect(deleter.url()).not.toContain(code.slice(5));

    // The visitor's window says so, and shows nothing of it; the cookie is gone.
    await expect(visitor.getByRole('status')).toHaveText('Samtalen er avsluttet og slettet. Ingenting av det som ble skrevet, finnes lenger hos oss.');
    for (const canary of CANARIES) await expect(visitor.getByText(canary)).toHaveCount(0);
    await expect(visitor.getByText(code)).toHaveCount(0);
    await expect.poll(() => visitorContext.cookies()).toEqual([]);
    await expect(console_.getByText('Du har ingen åpne samtaler.')).toBeVisible();

    // The same code again: the answer an unknown code gets.
    await deleter.getByLabel('Samtalens kode').fill(code);
    await deleter.getByRole('button', { name: 'Finn samtalen' }).click();
    await expect(deleter.getByRole('alert').filter({ hasText: 'Vi finner ingen samtale å slette med denne koden.' })).toBeVisible();

    await Promise.all([visitorContext.close(), console_.context().close()]);
    await app.stop();
    const text = runScript('test/dump-db.ts', [], db.env).stdout;
    const dump = JSON.parse(text) as Dump;
    expect(dump['public.chat_conversations']).toEqual([]);
    expect(dump['public.chat_messages']).toEqual([]);
    for (const canary of [...CANARIES, code]) {
      expect(text, `${canary} in the database`).not.toContain(canary);
      expect(app.output(), `${canary} in the app's output`).not.toContain(canary);
    }
    expect(dump['public.purge_receipts']!.filter((r) => r.rule === 'chat_on_request')).toEqual([expect.objectContaining({ deleted: 1 })]);
    const logged = dump['public.access_log']!.filter((r) => String(r.action).startsWith('chat_delete')).map((r) => [r.action, r.object_type]);
    expect(logged).toEqual(expect.arrayContaining([['chat_delete_lookup', 'chat'], ['chat_delete', 'chat']]));
    const chatId = dump['public.access_log']!.find((r) => r.action === 'chat_delete')!.object_id;
    expect(dump['public.access_log']!.filter((r) => r.object_id === chatId).map((r) => r.action)).toEqual(['chat_accept', 'chat_delete_lookup', 'chat_delete']);
  });

  test('@claim:chat-informasjonskapsel the chat sets one cookie: a random number only, for the chat alone, with no expiry, gone when the chat ends; the page says so', async ({ page, context, staffPage, ownDatabase: db, startOwnApp }) => {
    const host = addStaff(db.env, { email: 'vert2@example.org', role: 'chat_host', name: 'Vera Vert' });
    const app = await startOwnApp(env);
    await page.goto(`${app.baseURL}/chat`);
    await expect(page.getByText(/lagrer nettleseren din én informasjonskapsel, hl_chat\. Den inneholder bare et tilfeldig tall/)).toBeVisible();
    await expect(page.getByText(/Vi sletter den når samtalen er avsluttet, og den har ingen utløpsdato/)).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    await page.getByRole('button', { name: 'Start chat' }).click();
    await expect(page.getByRole('status')).toHaveText(/Du er nummer 1 i køen/);
    const cookies = await context.cookies();
    expect(cookies).toHaveLength(1);
    // 128 random bits, base64url: nothing else in it. No expiry: a session cookie.
    expect(cookies[0]).toMatchObject({ name: 'hl_chat', path: '/chat', httpOnly: true, sameSite: 'Strict', expires: -1 });
    expect(cookies[0]!.value).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // The host ends the chat: the cookie goes with it, without the visitor doing anything.
    const console_ = await staffPage(app.baseURL, host);
    await console_.goto(`${app.baseURL}/staff/chat`);
    await console_.getByRole('button', { name: 'Ta samtalen' }).click();
    await expect(page.getByRole('heading', { name: 'Du snakker med Vera' })).toBeVisible();
    await console_.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await console_.getByRole('button', { name: 'Ja, avslutt' }).click();
    await expect(page.getByRole('status')).toHaveText(/Samtalen er avsluttet/);
    // The code stays on the page while it is open, so the visitor can still quote it.
    await expect(page.getByText(CODE).first()).toBeVisible();
    await expect.poll(() => context.cookies()).toEqual([]);
    await console_.context().close();
    await app.stop();
    // The database keeps the token's hash with the chat, never the token itself.
    expect(runScript('test/dump-db.ts', [], db.env).stdout).not.toContain(cookies[0]!.value);
  });
});
