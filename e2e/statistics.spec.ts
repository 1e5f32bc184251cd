import type { Browser, BrowserContext, Request } from '@playwright/test';
import { AGE_BANDS, AGE_BAND_LABELS } from '../lib/content/age-bands';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';
import { expectHydrated } from '../test/hydration';
import { addStaff, signIn } from '../test/staff-pages';

/**
 * Page views and visits, counted with no identifier: browsers on two instances of the app
 * (one on PGlite, which allows one process per database), then the daily totals as an auditor
 * finds them in a full dump of the database after the instances stopped (each writes its
 * counts as it stops).
 */
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const CANARY = 'KANARI7q4w';

type Dump = Record<string, Record<string, unknown>[]>;

/** A visitor's browser: no JavaScript, so each click within the site loads a document. */
async function visitor(browser: Browser, requests: Request[]): Promise<BrowserContext> {
  const context = await browser.newContext({ userAgent: BROWSER, javaScriptEnabled: false });
  context.on('request', (r) => requests.push(r));
  return context;
}

test('page views and visits become daily totals that hold nothing else @claim:dagstotaler @claim:ingen-informasjonskapsler', async ({ browser, ownDatabase: db, startOwnApp }, testInfo) => {
  test.setTimeout(240_000);
  const apps = [await startOwnApp()];
  if (testInfo.project.name === 'postgres') apps.push(await startOwnApp());
  const second = apps.at(-1)!;
  const requests: Request[] = [];

  // On the first instance: the front page from a bookmark (a visit, a view), a section by a
  // click (a view), a search from a bookmark (a visit, no page), an address that is not there.
  const first = await visitor(browser, requests);
  const a = await first.newPage();
  await a.goto(`${apps[0]!.baseURL}/`);
  // Four more arrivals from a bookmark, so the front page passes the small-number limit.
  for (let i = 0; i < 4; i++) await a.goto(`${apps[0]!.baseURL}/`);
  await a.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'I helsetjenesten' }).click();
  await expect(a).toHaveURL(/\/i-helsetjenesten$/);
  await a.goto(`${apps[0]!.baseURL}/sok?q=${CANARY}`);
  expect((await a.goto(`${apps[0]!.baseURL}/${CANARY}-finnes-ikke`))?.status()).toBe(404);

  // On the second: the contact page and the front page, each from a bookmark.
  const other = await visitor(browser, requests);
  const b = await other.newPage();
  await b.goto(`${second.baseURL}/kontakt`);
  await b.goto(`${second.baseURL}/`);

  // The children's site, with JavaScript: an age band chosen (it stays in the browser), then a
  // topic opened by a click and another by a full page load from within the site.
  const young = await browser.newContext({ userAgent: BROWSER });
  young.on('request', (r) => requests.push(r));
  const c = await young.newPage();
  await c.goto(`${second.baseURL}/unge`);
  await expectHydrated(c, '/unge');
  await c.getByRole('button', { name: AGE_BAND_LABELS['10-13'], exact: true }).click();
  await expect(c.getByRole('status')).toContainText('Sidene er nå laget for deg');
  const topics = c.getByRole('main').getByRole('link').filter({ hasNotText: /brukeravtale/i });
  const href = await topics.nth(1).getAttribute('href');
  await topics.first().click();
  await expect(c).toHaveURL(/\/unge\/[a-z-]+$/);
  await c.evaluate((to) => {
    window.location.href = to;
  }, href!);
  await expect(c).toHaveURL(new RegExp(`${href}$`));

  // No cookie, ever; and no request carried anything but what the page asked for.
  expect(await first.cookies()).toEqual([]);
  expect(await other.cookies()).toEqual([]);
  expect(await young.cookies()).toEqual([]);
  for (const r of requests) {
    const headers = await r.allHeaders();
    expect(headers['cookie'], r.url()).toBeUndefined();
    const response = await r.response();
    if (!response) continue;
    expect((await response.allHeaders())['set-cookie'], r.url()).toBeUndefined();
    // Why every page still reaches the app behind a shared cache: none may keep a page.
    if (r.resourceType() === 'document') expect(response.headers()['cache-control'], r.url()).toMatch(/\bprivate\b|\bno-store\b/);
  }
  for (const r of requests) {
    for (const band of AGE_BANDS) expect(`${r.url()} ${r.postData() ?? ''}`, 'the age band in a request').not.toContain(band);
  }
  await first.close();
  await other.close();
  await young.close();
  for (const app of apps) await app.stop();

  const dumped = runScript('test/dump-db.ts', [], db.env);
  expect(dumped.status, dumped.stderr).toBe(0);
  const dump = JSON.parse(dumped.stdout) as Dump;
  const today = (dump['public.daily_visits'] ?? [])[0]?.['day'];
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const views = Object.fromEntries((dump['public.daily_page_views'] ?? []).map((r) => [r['path'], r['views']]));
  expect(views).toEqual({ '/': 6, '/i-helsetjenesten': 1, '/kontakt': 1 });
  const visits = Object.fromEntries((dump['public.daily_visits'] ?? []).map((r) => [r['site'], r['visits']]));
  expect(visits).toEqual({ voksen: 8, unge: 1 });
  for (const row of [...(dump['public.daily_page_views'] ?? []), ...(dump['public.daily_visits'] ?? [])]) expect(row['day']).toBe(today);

  // Nothing a visitor typed or sent: no search word, no missing path, no address, no browser,
  // no age band, anywhere in the database.
  for (const absent of [CANARY, '127.0.0.1', 'Mozilla', 'Chrome/156', '?q=', ...AGE_BANDS]) {
    expect(dumped.stdout, `"${absent}" in the database`).not.toContain(absent);
  }

  // An adviser reads the same day on the dashboard, small numbers hidden.
  const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser' });
  const reader = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, reader.baseURL, adviser);
  await page.goto(`${reader.baseURL}/staff/statistikk?${new URLSearchParams({ fra: String(today), til: String(today) })}`);
  await expect(page.locator('main')).toContainText('Nettsiden for voksne, hele perioden: 8 besøk');
  await expect(page.locator('main')).toContainText('Nettsiden for barn og unge, hele perioden: under 5 besøk');
  const read = page.getByRole('table', { name: 'De mest leste sidene, flest visninger først' });
  await expect(read.getByRole('row').nth(1)).toHaveText(/^\/\s*6$/);
  await expect(read.getByRole('row').filter({ hasText: '/kontakt' })).toContainText('under 5');
  await page.context().close();
});
