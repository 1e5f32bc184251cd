import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';

// The search works as a plain GET form, so every test here runs with JavaScript off.
test.describe('site search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header links to the search page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Søk', exact: true }).click();
    await expect(page).toHaveURL(/\/sok$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Søk');
  });

  test('"sykdom" finds an article that only says "sykdommen", with the word marked', async ({ page }) => {
    await page.goto('/sok');
    const main = page.getByRole('main');
    await main.getByRole('searchbox').fill('sykdom');
    await main.getByRole('button', { name: 'Søk', exact: true }).click();

    await expect(page).toHaveURL(/\/sok\?q=sykdom$/);
    await expect(main.getByRole('heading', { level: 2, name: /^\d+ treff for «sykdom»$/ })).toBeVisible();
    await expect(main.getByRole('searchbox')).toHaveValue('sykdom');
    const adults = main.getByRole('region', { name: 'For voksne' });
    const hit = adults.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Kommunens plikt til å støtte deg som pårørende' }) });
    await expect(hit.getByRole('link')).toHaveAttribute('href', '/i-helsetjenesten/kommunens-plikt-til-parorendestotte');
    await expect(hit.locator('mark')).toHaveText(['sykdommen']);
    const young = main.getByRole('region', { name: 'For barn og unge' });
    await expect(young.getByRole('link', { name: 'Psykisk sykdom i familien' })).toHaveAttribute('href', '/unge/psykisk-sykdom-i-familien');
  });

  test('a search without hits says so kindly and keeps the words in the field', async ({ page }) => {
    await page.goto('/sok');
    const main = page.getByRole('main');
    await main.getByRole('searchbox').fill('blåbærsyltetøy');
    await main.getByRole('button', { name: 'Søk', exact: true }).click();

    await expect(main.getByRole('heading', { level: 2, name: 'Ingen treff for «blåbærsyltetøy»' })).toBeVisible();
    await expect(main.getByText('Sjekk at ordene er stavet riktig.')).toBeVisible();
    await expect(main.getByRole('link', { name: 'Ta kontakt med oss' })).toHaveAttribute('href', '/kontakt');
    await expect(main.getByRole('searchbox')).toHaveValue('blåbærsyltetøy');
  });

  test('a query that is too long is explained, and kept in the field', async ({ page }) => {
    const query = 'sorg '.repeat(50).trim();
    await page.goto(`/sok?q=${encodeURIComponent(query)}`);
    const field = page.getByRole('main').getByRole('searchbox');
    await expect(field).toHaveValue(query);
    await expect(field).toHaveAccessibleDescription('Søket er for langt. Skriv noen få ord, høyst 10 ord og 200 tegn.');
  });

  test('the children\'s search finds a topic and only topics', async ({ page }) => {
    await page.goto('/unge/sok');
    const main = page.getByRole('main');
    await main.getByRole('searchbox').fill('sorgen');
    await main.getByRole('button', { name: 'Søk', exact: true }).click();

    await expect(page).toHaveURL(/\/unge\/sok\?q=sorgen$/);
    await expect(main.getByRole('heading', { level: 2, name: /^Vi fant \d+ sider? om «sorgen»$/ })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Når noen dør' })).toHaveAttribute('href', '/unge/nar-noen-dor');
    const results = main.getByRole('region', { name: /om «sorgen»/ });
    const targets = await results.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((href) => href.startsWith('/unge/'))).toBe(true);
  });
});

test('the search page with hits has no axe violations', async ({ page, axe }) => {
  await page.goto('/sok?q=sykdom');
  await axe(page);
});

test.describe('what a search leaves behind', () => {
  test.setTimeout(120_000);

  test('a search word is in no log line and in no table of the database @claim:sokeord-lagres-ikke @claim:logg-uten-innhold', async ({ page, ownDatabase: db, startOwnApp }) => {
    const app = await startOwnApp();
    const canaries = ['kanarisøk4b7e', 'kanariunge91ac'];
    await page.goto(`${app.baseURL}/sok?q=${encodeURIComponent(`sykdom ${canaries[0]}`)}`);
    await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue(`sykdom ${canaries[0]}`);
    await page.goto(`${app.baseURL}/unge/sok`);
    await page.getByRole('main').getByRole('searchbox').fill(canaries[1]!);
    await page.getByRole('main').getByRole('button', { name: 'Søk', exact: true }).click();
    await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue(canaries[1]!);
    await app.stop();

    const output = app.output();
    const dump = runScript('test/dump-db.ts', [], db.env);
    expect(dump.status).toBe(0);
    expect(Object.keys(JSON.parse(dump.stdout) as object).length, 'the dump has the tables').toBeGreaterThan(5);
    for (const canary of canaries) {
      for (const form of [canary, encodeURIComponent(canary)]) {
        expect(output, `"${form}" in the server's output`).not.toContain(form);
        expect(dump.stdout, `"${form}" in the database`).not.toContain(form);
      }
    }
  });
});

test.describe('search pages made from their frame', () => {
  test.setTimeout(120_000);

  // After the first search of a page, the server makes the next ones from the frame of Next's
  // page (lib/server/search-page.ts). What a visitor gets must be what Next would have sent:
  // the same bytes and the same headers, for every kind of words. A second parameter sends a
  // search to Next as before, so the two can be set side by side.
  const QUERIES = ['sykdom', 'blåbærsyltetøy', '<script>alert("x")</script> & «sorg»', '  sorgen  ', 'sorg '.repeat(50), 'æøå?#%+', ''];

  test('each search from the frame is byte for byte the page Next renders for the same words', async ({ startOwnApp }) => {
    const app = await startOwnApp();
    const headersOf = (response: Response) =>
      [...response.headers].filter(([name]) => name !== 'date').map(([name, value]) => `${name}: ${value}`);
    for (const [path, key] of [['/sok', 'main|/sok'], ['/unge/sok', 'main|/unge/sok']] as const) {
      expect((await fetch(`${app.baseURL}${path}?q=sykdom`)).status).toBe(200);
      expect(app.output(), `the frame of ${path} was taken`).toContain(`"event":"page_frame.taken","page":"${key}"`);
      for (const words of QUERIES) {
        const address = `${app.baseURL}${path}?q=${encodeURIComponent(words)}`;
        const framed = await fetch(address);
        const rendered = await fetch(`${address}&via=next`);
        expect(framed.status, words).toBe(200);
        expect(rendered.status, words).toBe(200);
        const [a, b] = [await framed.text(), await rendered.text()];
        // Where they part, with a little around it (two whole pages would drown the report).
        let at = 0;
        while (at < a.length && a[at] === b[at]) at += 1;
        expect(a.slice(Math.max(0, at - 80), at + 160), `the page for «${words}» on ${path}`).toBe(b.slice(Math.max(0, at - 80), at + 160));
        expect(a.length).toBe(b.length);
        expect(headersOf(framed), `the headers for «${words}» on ${path}`).toEqual(headersOf(rendered));
      }
    }
    expect(app.output()).not.toContain('page_frame.mismatch');
  });
});
