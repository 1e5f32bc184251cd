import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { osloIsoDate } from '../lib/dates';
import { runScript } from '../test/app';
import { scanAtEachWidth } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { addStaff, signIn } from '../test/staff-pages';

/**
 * The anonymous word after a chat (issue 16, item 6), end to end: a host ends the chat, the
 * visitor answers two of the three questions by keyboard alone; the admin's dashboard shows the
 * count as "under 5" until five answers exist and then the number, and an adviser sees no
 * survey; a dump of every table then holds nothing that ties an answer, or the use of a ticket,
 * to the chat: no chat id, code or token hash (nor a SHA-256 of one) in the survey's tables,
 * nothing of the survey in the chat's, and the ticket itself nowhere.
 */
type Dump = Record<string, Record<string, unknown>[]>;

const CANARY = 'kanari-svar-4b7e';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What identifies a chat row, and the SHA-256 of each in the encodings a careless ticket would use. */
function chatTraces(row: Record<string, unknown>): string[] {
  const id = String(row['id']);
  const plain = [id, String(row['reference']), String(row['token_hash'])];
  const idBytes = Buffer.from(id.replace(/-/g, ''), 'hex');
  const encodings = [...plain, id.replace(/-/g, ''), idBytes.toString('base64url'), idBytes.toString('base64')];
  return [...plain, ...encodings.map(sha256)];
}

async function answerThroughTheApp(page: Page, svar: Record<string, string>): Promise<number> {
  return page.evaluate(async (answers) => {
    const started = (await (await fetch('/chat/api/samtale', { method: 'POST' })).json()) as { svarbillett: string };
    await fetch('/chat/api/avslutt', { method: 'POST' });
    const sent = await fetch('/chat/api/svar', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ billett: started.svarbillett, svar: answers }) });
    return sent.status;
  }, svar);
}

test('a visitor answers after the host ends the chat; admins see the count only from 5, and the dump ties no answer to the chat @claim:chat-svar-anonyme', async ({ browser, page, axe, staffPage, ownDatabase: db, startOwnApp }) => {
  test.setTimeout(300_000);
  const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
  const admin = addStaff(db.env, { email: 'admin@example.org', role: 'admin', name: 'Aud Admin' });
  const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser', name: 'Ada Rådgiver' });
  const app = await startOwnApp({ CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0', CHAT_START_LIMIT: '20' });
  const base = app.baseURL;

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${base}/chat`);
  const startAnswer = visitor.waitForResponse((r) => r.url().endsWith('/chat/api/samtale') && r.request().method() === 'POST');
  await visitor.getByRole('button', { name: 'Start chat' }).click();
  const { svarbillett: ticket } = (await (await startAnswer).json()) as { svarbillett: string };
  expect(ticket).toBeTruthy();
  await visitor.getByLabel('Din melding').fill(CANARY);
  await visitor.getByRole('button', { name: 'Send' }).click();

  const console_ = await staffPage(base, host);
  await console_.goto(`${base}/staff/chat`);
  await console_.getByRole('button', { name: 'Ta samtalen' }).click();
  await expect(console_.getByText(CANARY)).toBeVisible();
  await visitor.getByLabel('Din melding').focus();
  await console_.getByRole('button', { name: 'Avslutt samtalen' }).click();
  await console_.getByRole('button', { name: 'Ja, avslutt' }).click();

  // The ended state: the survey beside the button for a new chat, which has focus as before.
  await expect(visitor.getByRole('status')).toHaveText(/Samtalen er avsluttet/);
  const again = visitor.getByRole('button', { name: 'Start en ny samtale' });
  await expect(again).toBeFocused();
  const survey = visitor.getByRole('form', { name: 'Vil du si hva du syntes?' });
  await expect(survey).toBeVisible();
  await expect(survey).toContainText('aldri koblet til samtalen din');
  await expect(survey.getByRole('group')).toHaveCount(3);
  await scanAtEachWidth(visitor, axe, { noSidewaysScroll: true });

  // Sending with nothing chosen sends nothing.
  const sent: string[] = [];
  visitor.on('request', (r) => {
    if (r.url().endsWith('/chat/api/svar')) sent.push(r.postData() ?? '');
  });
  await survey.getByRole('button', { name: 'Send svarene' }).click();
  await expect(visitor.getByRole('status')).toHaveText(/ikke valgt noe svar/);
  expect(sent).toEqual([]);

  // By keyboard alone: from the new-chat button into the first question, skip the second,
  // choose in the third with an arrow key, and send.
  await again.focus();
  await visitor.keyboard.press('Tab');
  await expect(survey.getByRole('radio', { name: 'Ja' }).first()).toBeFocused();
  await visitor.keyboard.press('Space');
  await visitor.keyboard.press('Tab');
  await visitor.keyboard.press('Tab');
  await visitor.keyboard.press('ArrowRight');
  await expect(survey.getByRole('group', { name: /kontakt med oss igjen/ }).getByRole('radio', { name: 'Kanskje' })).toBeChecked();
  await visitor.keyboard.press('Tab');
  await expect(survey.getByRole('button', { name: 'Send svarene' })).toBeFocused();
  await visitor.keyboard.press('Enter');
  await expect(visitor.getByRole('status')).toHaveText(/^Takk for at du svarte!/);
  await expect(survey).toBeHidden();
  await expect(again).toBeFocused();
  expect(sent).toHaveLength(1);
  expect(JSON.parse(sent[0]!)).toEqual({ billett: ticket, svar: { hjelp: 'ja', igjen: 'kanskje' } });

  // The same ticket again: refused calmly, nothing counted twice.
  const reused = await visitor.evaluate(async (billett) => {
    const r = await fetch('/chat/api/svar', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ billett, svar: { bedre: 'ja' } }) });
    return { status: r.status, body: (await r.json()) as { error: string } };
  }, ticket);
  expect(reused).toEqual({ status: 410, body: { error: 'Du har allerede svart for denne samtalen. Takk for svarene!' } });

  // The admin: one "Ja" is "under 5".
  const today = osloIsoDate(new Date());
  const dashboard = `${base}/staff/statistikk?${new URLSearchParams({ fra: today, til: today })}`;
  await signIn(page, base, admin);
  await page.goto(dashboard);
  const section = page.getByRole('region', { name: 'Etter chatten' });
  const helpful = section.getByRole('table', { name: 'Var samtalen til hjelp for deg?' });
  const row = (name: string) => helpful.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Ja')).toContainText('under 5');
  await expect(row('Nei')).toContainText('0');

  // An adviser sees the dashboard, but no survey.
  const adviserPage = await staffPage(base, adviser);
  await adviserPage.goto(dashboard);
  await expect(adviserPage.getByRole('heading', { level: 1 })).toHaveText('Statistikk');
  await expect(adviserPage.getByRole('heading', { name: 'Etter chatten' })).toHaveCount(0);
  await expect(adviserPage.locator('main')).not.toContainText('Var samtalen til hjelp');

  // Four more visitors answer through the app: now five, shown as 5.
  const others = await (await browser.newContext()).newPage();
  await others.goto(`${base}/chat`);
  for (let i = 0; i < 4; i++) expect(await answerThroughTheApp(others, { hjelp: 'ja' })).toBe(201);
  await page.reload();
  await expect(row('Ja')).toHaveText(/^Ja\s*5$/);
  await expect(section.getByRole('table', { name: /kontakt med oss igjen/ }).getByRole('row', { name: /^Kanskje/ })).toContainText('under 5');

  expect(app.output()).not.toContain(CANARY);
  expect(app.output()).not.toContain(ticket);
  await app.stop();

  // The dump, as an auditor reads it.
  const dumped = runScript('test/dump-db.ts', [], db.env);
  expect(dumped.status, dumped.stderr).toBe(0);
  const dump = JSON.parse(dumped.stdout) as Dump;
  const answers = dump['public.daily_chat_survey_answers'] ?? [];
  const used = dump['public.chat_survey_used_tickets'] ?? [];
  for (const r of answers) expect(Object.keys(r).sort()).toEqual(['answer', 'answers', 'day', 'question']);
  for (const r of used) expect(Object.keys(r).sort()).toEqual(['day', 'hash']);
  expect(answers.filter((r) => r['question'] === 'hjelp' && r['answer'] === 'ja').reduce((n, r) => n + Number(r['answers']), 0)).toBe(5);
  expect(used).toHaveLength(5);

  const chats = dump['public.chat_conversations'] ?? [];
  expect(chats.length).toBeGreaterThanOrEqual(5);
  const surveyText = JSON.stringify({ answers, used });
  const usedHashes = used.map((r) => String(r['hash']));
  for (const chat of chats) {
    expect(Object.keys(chat).join(' ')).not.toMatch(/svar|survey|answer|ticket|billett/i);
    for (const trace of chatTraces(chat)) expect(surveyText, 'a survey table holds a trace of a chat').not.toContain(trace);
  }
  for (const [table, rows] of Object.entries(dump)) {
    const text = JSON.stringify(rows);
    expect(text, `the ticket in ${table}`).not.toContain(ticket);
    expect(text, `the visitor's message in ${table}`).not.toContain(CANARY);
    if (table === 'public.chat_survey_used_tickets') continue;
    for (const hash of usedHashes) expect(text, `a used ticket in ${table}`).not.toContain(hash);
  }
});
