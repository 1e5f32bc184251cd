import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { osloIsoDate } from '../lib/dates';
import { isoWeek } from '../lib/stats/report-dates';
import { runScript } from '../test/app';
import { scanAtEachWidth } from '../test/axe-widths';
import { expect, test } from '../test/fixtures';
import { addStaff, signIn } from '../test/staff-pages';

/**
 * The staff statistics dashboard, end to end: known daily totals in the test's own database,
 * then an adviser reads them on the page and in the CSV file, with every number from 1 to 4
 * shown as "under 5" and every total over one as "minst N"; a chat host is turned away; each
 * view and export is in the access log.
 */
type Dump = Record<string, Record<string, unknown>[]>;

/** Writes rows straight into the daily tables, through the app's own connection module, before the app starts. */
function seed(env: Record<string, string>, statements: string[]) {
  const code = `
    const { getDb, closeDb } = await import('./db/client.ts');
    const { sql } = await import('drizzle-orm');
    const db = await getDb();
    for (const statement of JSON.parse(process.env.SEED_STATEMENTS)) await db.execute(sql.raw(statement));
    await closeDb();`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    env: { ...process.env, ...env, SEED_STATEMENTS: JSON.stringify(statements) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`seeding failed: ${r.stderr}`);
}

const cellsOf = async (row: import('@playwright/test').Locator) => (await row.locator('th, td').allTextContents()).map((t) => t.trim());

test('the dashboard and its CSV show the daily totals with small numbers hidden, to advisers only, and log every look @claim:smaa-tall-skjules @claim:tilgangslogg', async ({ page, axe, staffPage, ownDatabase: db, startOwnApp }) => {
  test.setTimeout(300_000);
  const today = osloIsoDate(new Date());
  const yesterday = osloIsoDate(new Date(Date.now() - 86_400_000));
  const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser', name: 'Ada Rådgiver' });
  const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Chris Vert' });
  const category = (label: string) => `(select id from contact_categories where label = '${label}')`;
  seed(db.env, [
    `insert into daily_visits (day, site, visits) values ('${today}', 'voksen', 12), ('${yesterday}', 'voksen', 8), ('${today}', 'unge', 3)`,
    `insert into daily_page_views (day, path, views) values ('${today}', '/', 40), ('${today}', '/kontakt', 3), ('${yesterday}', '/i-helsetjenesten', 7)`,
    `insert into daily_contacts (day, channel, started, ended) values ('${today}', 'henvendelse', 6, 0), ('${today}', 'chat', 11, 0)`,
    `insert into daily_contact_categories (day, channel, category_id, contacts) values
       ('${today}', 'henvendelse', ${category('Rus')}, 5), ('${today}', 'chat', ${category('Rus')}, 2), ('${today}', 'chat', ${category('Demens')}, 3)`,
    `insert into daily_chat_waits (day, bucket, chats) values ('${today}', 0, 6), ('${today}', 2, 3), ('${today}', 8, 2)`,
    `insert into daily_chat_coverage (day, open_minutes, staffed_minutes) values ('${today}', 480, 360), ('${yesterday}', 600, 300)`,
  ]);
  // The chat open only on a day three days from today, so the app's own coverage clock adds nothing to the seeded minutes.
  const closedNow = ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'][(new Date(`${today}T12:00:00Z`).getUTCDay() + 6 + 3) % 7];
  const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0', CHAT_HOURS: `${closedNow} 10:00-11:00` });
  const base = app.baseURL;

  // The adviser finds the dashboard in the menu; the default period ends today.
  await signIn(page, base, adviser);
  await page.getByRole('navigation', { name: 'Ansattmeny' }).getByRole('link', { name: 'Statistikk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistikk');
  await expect(page.getByLabel('Til og med')).toHaveValue(`${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)}`);

  // A period ending after today is refused in words, with what was typed still in the fields.
  await page.getByLabel('Fra og med').fill('01.01.2026');
  await page.getByLabel('Til og med').fill('31.12.2999');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.locator('main').getByRole('alert')).toContainText('Til-datoen kan ikke være etter i dag.');
  await expect(page.getByLabel('Fra og med')).toHaveValue('01.01.2026');
  await expect(page.getByLabel('Til og med')).toHaveValue('31.12.2999');
  await expect(page.getByRole('table')).toHaveCount(0);

  const range = { fra: yesterday, til: today };
  await page.goto(`${base}/staff/statistikk?${new URLSearchParams(range)}`);
  const main = page.locator('main');
  await expect(main).toContainText('Nettsiden for voksne, hele perioden: 20 besøk');
  await expect(main).toContainText('Nettsiden for barn og unge, hele perioden: under 5 besøk');

  const pages = page.getByRole('table', { name: 'De mest leste sidene, flest visninger først' });
  expect(await cellsOf(pages.getByRole('row').nth(1))).toEqual(['/', '40']);
  expect(await cellsOf(pages.getByRole('row').nth(2))).toEqual(['/i-helsetjenesten', '7']);
  expect(await cellsOf(pages.getByRole('row').nth(3))).toEqual(['/kontakt', 'under 5']);

  const { year, week } = isoWeek(today);
  const weeks = page.getByRole('table', { name: 'Henvendelser og chatter startet per uke, med summer' });
  expect((await cellsOf(weeks.getByRole('row').filter({ hasText: `Uke ${week}, ${year}` }))).slice(1)).toEqual(['6', '11', '17']);

  const reasons = page.getByRole('table', { name: 'Tema for kontakten per måned, med summer' });
  const month = (row: string[]) => row.slice(1, -1).filter((c) => c !== '0');
  expect(month(await cellsOf(reasons.getByRole('row').filter({ hasText: /^Rus/ })))).toEqual(['7']);
  expect(month(await cellsOf(reasons.getByRole('row').filter({ hasText: /^Demens/ })))).toEqual(['under 5']);
  expect((await cellsOf(reasons.getByRole('row').last())).at(-1)).toBe('minst 8');

  const chats = page.getByRole('table', { name: /^Chatter per måned/ });
  const chatRow = await cellsOf(chats.getByRole('row').filter({ hasText: 'Sum' }));
  expect(chatRow.slice(1, 5)).toEqual(['9', 'under 5', '0', 'minst 10']);

  // Opening-hours coverage: 18 hours open, 11 of them with a host (61 %), shown as they are.
  const coverage = page.getByRole('table', { name: /^Åpningstid med chattevert per måned/ });
  expect(await cellsOf(coverage.getByRole('row').filter({ hasText: 'Sum' }))).toEqual(['Sum', '18', '11', '61\u00a0%']);

  // Every chart is an image with a title and a description; the hidden 3 leaves no number in it.
  const charts = page.locator('svg[role="img"]');
  expect(await charts.count()).toBeGreaterThanOrEqual(7);
  for (const chart of await charts.all()) {
    expect((await chart.locator('title').textContent())?.trim()).toBeTruthy();
    expect((await chart.locator('desc').textContent())?.trim()).toBeTruthy();
  }
  const young = page.getByRole('img', { name: 'Besøk per dag, nettsiden for barn og unge' });
  await expect(young.locator('desc')).toContainText('1 av 2 vises ikke som tall');
  await expect(young.locator('desc')).not.toContainText('3 besøk');
  await expect(page.getByRole('img', { name: 'Besøk per dag, nettsiden for voksne' }).locator('desc')).toContainText('høyest 12 besøk');

  await scanAtEachWidth(page, axe, { noSidewaysScroll: true });

  // The CSV holds the same numbers, hidden the same way.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned tallene som CSV-fil (regneark)' }).click()]);
  expect(download.suggestedFilename()).toBe(`statistikk-${yesterday}-til-${today}.csv`);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.split('\r\n');
  expect(lines).toContain(`${today};12;under 5`);
  expect(lines).toContain('Sum;20;under 5');
  expect(lines).toContain('/kontakt;under 5');
  expect(lines.find((l) => l.startsWith('Demens;'))?.split(';').filter((c) => c !== '0')).toEqual(['Demens', 'under 5', 'under 5']);
  expect(lines.find((l) => l.startsWith('Sum;9;'))).toMatch(/^Sum;9;under 5;0;minst 10;/);
  expect(lines).toContain('Sum;18;11;61\u00a0%');
  for (const line of lines) expect(line, 'a hidden number in the CSV').not.toMatch(/(^|;)[1-4](;|$)/);
  const answer = await page.request.get(`${base}/staff/statistikk/eksport?${new URLSearchParams(range)}`);
  expect(answer.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(answer.headers()['content-disposition']).toBe(`attachment; filename="statistikk-${yesterday}-til-${today}.csv"`);
  expect(answer.headers()['cache-control']).toBe('private, no-store');

  // A chat host has no link, no page and no file.
  const hostPage = await staffPage(base, host);
  await expect(hostPage.getByRole('link', { name: 'Statistikk' })).toHaveCount(0);
  expect((await hostPage.goto(`${base}/staff/statistikk`))?.status()).toBe(404);
  const refused = await hostPage.request.get(`${base}/staff/statistikk/eksport?${new URLSearchParams(range)}`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain('Besøk per dag');
  await hostPage.context().close();

  await app.stop();
  const dumped = runScript('test/dump-db.ts', [], db.env);
  expect(dumped.status, dumped.stderr).toBe(0);
  const log = (JSON.parse(dumped.stdout) as Dump)['public.access_log']!.filter((r) => String(r['action']).startsWith('statistics_'));
  const object = `${yesterday}/${today}`;
  // Two views with numbers (the default period, then the chosen one) and two exports; the refused period showed none and logged none.
  expect(log.filter((r) => r['action'] === 'statistics_view').map((r) => r['object_id'])).toEqual([expect.stringMatching(new RegExp(`/${today}$`)), object]);
  expect(log.filter((r) => r['action'] === 'statistics_export').map((r) => r['object_id'])).toEqual([object, object]);
  expect(new Set(log.map((r) => r['staff_id'])).size).toBe(1);
  expect(log.every((r) => r['object_type'] === 'statistics' && r['staff_id'])).toBe(true);
});
