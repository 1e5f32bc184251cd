import http from 'node:http';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { AGE_BANDS, AGE_BAND_LABELS, variantHeading, type AgeBand } from '../lib/content/age-bands';
import { loadContent } from '../lib/content/load';
import { bandTraces } from '../test/age-band-traces';
import { expect, NEUTRAL_SITE, test } from '../test/fixtures';
import { expectHydrated } from '../test/hydration';

const content = loadContent();
const TOPIC = content.youngTopics.find((t) => t.slug === 'nar-mamma-eller-pappa-er-syk')!;

const pattern = (text: string, flags = '') => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);

type Sent = { url: string; headers: Record<string, string>; body: string };

/** Records every request the context's pages send from now on, with all headers and the body. */
function recordRequests(context: BrowserContext): { sent: Sent[]; settle: () => Promise<void> } {
  const pending: Promise<void>[] = [];
  const sent: Sent[] = [];
  let recording = true;
  context.on('request', (request: Request) => {
    if (!recording) return;
    // The URL and body are known at once; the full headers (cookies included) come a moment later.
    const entry: Sent = { url: request.url(), headers: {}, body: request.postData() ?? '' };
    sent.push(entry);
    pending.push(
      request.allHeaders().then(
        (headers) => void (entry.headers = headers),
        () => void (entry.headers = request.headers()),
      ),
    );
  });
  return {
    sent,
    settle: async () => {
      recording = false;
      await Promise.all(pending);
    },
  };
}

async function chooseBand(page: Page, band: AgeBand) {
  await page.getByRole('button', { name: AGE_BAND_LABELS[band], exact: true }).click();
}

test.describe('the age band stays in the browser', () => {
  for (const band of AGE_BANDS) {
    test(`choosing ${band} shows that variant and sends the band nowhere @claim:alder-blir-i-nettleseren`, async ({ page, context }) => {
      await page.goto('/unge');
      await expect(page.getByRole('button', { name: AGE_BAND_LABELS[band], exact: true })).toBeVisible();
      const { sent, settle } = recordRequests(context);

      await chooseBand(page, band);
      await expect(page.getByRole('button', { name: AGE_BAND_LABELS[band], exact: true })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('status')).toContainText('Sidene er nå laget for deg');

      // A link to the topic, then an address typed for another one.
      const variant = TOPIC.variants[band];
      await page.getByRole('link', { name: pattern(variant.title) }).first().click();
      await expect(page).toHaveURL(`/unge/${TOPIC.slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(variant.title);
      await expect(page.getByRole('heading', { level: 2, name: pattern(AGE_BAND_LABELS[band].replace(' år', ''), 'i') })).toBeVisible();
      await expect(page.getByText(variant.summary)).toBeVisible();
      for (const other of AGE_BANDS.filter((b) => b !== band)) {
        if (TOPIC.variants[other].summary !== variant.summary) await expect(page.getByText(TOPIC.variants[other].summary).filter({ visible: true })).toHaveCount(0);
      }

      const next = content.youngTopics.find((t) => t.slug === 'nar-noen-dor')!;
      await page.goto(`/unge/${next.slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.variants[band].title);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.variants[band].title);

      await settle();
      expect(sent.length, 'the pages did send requests').toBeGreaterThan(2);
      const traces = bandTraces(band);
      for (const request of sent) {
        const everything = [request.url, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`), request.body]
          .join('\n')
          .toLowerCase();
        for (const trace of traces) expect(everything, `${request.url} carries "${trace}"`).not.toContain(trace);
      }
      const cookies = JSON.stringify(await context.cookies()).toLowerCase();
      for (const trace of traces) expect(cookies).not.toContain(trace);
      expect(page.url()).not.toContain(band);
      expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe('{}');
    });
  }

  test('the band is gone when the tab closes, and in a new browser context @claim:alder-blir-i-nettleseren', async ({ page, context, browser }) => {
    await page.goto('/unge');
    await chooseBand(page, '14-18');
    await page.goto(`/unge/${TOPIC.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOPIC.variants['14-18'].title);
    await page.close();

    const tab = await context.newPage();
    await tab.goto(`/unge/${TOPIC.slug}`);
    await expect(tab.getByRole('button', { name: '14–18 år', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect(tab.locator('section[id^="for-"]')).toHaveCount(3);
    expect(await tab.evaluate(() => sessionStorage.length)).toBe(0);

    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await other.goto(new URL(`/unge/${TOPIC.slug}`, test.info().project.use.baseURL).toString());
      await expect(other.locator('section[id^="for-"]')).toHaveCount(3);
      expect(await other.evaluate(() => sessionStorage.length)).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  test('"Bytt alder" changes the band on a topic page, and axe is content with every state', async ({ page, axe }) => {
    await page.goto(`/unge/${TOPIC.slug}`);
    await axe(page);
    await chooseBand(page, 'under-10');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOPIC.variants['under-10'].title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.locator('section[id^="for-"]').filter({ visible: true })).toHaveCount(1);
    await expect(page.locator('#for-under-10')).toBeVisible();
    expect(page.url()).not.toContain('#');
    await axe(page);
    await page.getByRole('button', { name: 'Bytt alder' }).click();
    await axe(page);
    await chooseBand(page, '10-13');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOPIC.variants['10-13'].title);
  });
});

test.describe('children\'s pages without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every topic is linked from the start page and holds all three variants, each a labelled section that opens on its own', async ({ page }) => {
    await page.goto('/unge');
    for (const topic of content.youngTopics) {
      await expect(page.locator(`main a[href="/unge/${topic.slug}"]`)).toHaveCount(1);
    }
    for (const topic of content.youngTopics) {
      await page.goto(`/unge/${topic.slug}`);
      await expect(page.locator('main a[href^="#for-"]')).toHaveCount(0);
      for (const band of AGE_BANDS) {
        const section = page.getByRole('region', { name: pattern(topic.variants[band].title) }).and(page.locator(`#for-${band}`));
        await expect(section).toBeHidden();
        await page.locator('summary', { hasText: variantHeading(band) }).click();
        await expect(section).toBeVisible();
        await expect(section.getByText(topic.variants[band].summary)).toBeVisible();
        for (const other of AGE_BANDS.filter((b) => b !== band)) await expect(page.locator(`#for-${other}`)).toBeHidden();
        await page.locator('summary', { hasText: variantHeading(band) }).click();
      }
    }
  });

  test('opening a variant leaves the address as it was', async ({ page }) => {
    await page.goto(`/unge/${TOPIC.slug}`);
    await page.locator('summary', { hasText: variantHeading('14-18') }).click();
    await expect(page.locator('#for-14-18')).toBeInViewport();
    expect(page.url()).toBe(new URL(`/unge/${TOPIC.slug}`, test.info().project.use.baseURL).toString());
  });

  test('the user agreement is there, written for children @claim:unge-brukeravtale', async ({ page }) => {
    await page.goto('/unge');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Brukeravtale' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(content.agreement.title);
    await expect(page.getByRole('link', { name: /Rask utgang/ })).toHaveAttribute('href', NEUTRAL_SITE);
  });
});

test.describe('on every children\'s page', () => {
  const pages = ['/unge', ...content.youngTopics.map((t) => `/unge/${t.slug}`), '/unge/brukeravtale', '/unge/skjul-besoket', '/unge/sok', '/unge/sok?q=sorg'];
  test('the help box with 112, 113, 116 111, 116 123 and the chat, and the quick exit', async ({ page }) => {
    for (const path of pages) {
      await page.goto(path);
      const help = page.getByRole('region', { name: 'Trenger du hjelp nå?' });
      const line = (number: string) => help.getByRole('listitem').filter({ has: page.getByRole('link', { name: number, exact: true }) });
      await expect(help.getByRole('link', { name: '112', exact: true }), path).toHaveAttribute('href', 'tel:112');
      await expect(line('112')).toContainText('Politiet');
      await expect(line('112')).toContainText(/slår, truer eller skader/);
      await expect(help.getByRole('link', { name: '113', exact: true }), path).toHaveAttribute('href', 'tel:113');
      await expect(line('113')).toContainText(/veldig syk eller skadet/);
      await expect(help.getByRole('link', { name: '116 111' })).toHaveAttribute('href', 'tel:116111');
      await expect(line('116 111')).toContainText('Alarmtelefonen for barn og unge');
      await expect(line('116 111')).toContainText('Gratis. Åpent hele døgnet.');
      await expect(help.getByRole('link', { name: '116 123' })).toHaveAttribute('href', 'tel:116123');
      await expect(line('116 123')).toContainText('Mental Helses hjelpetelefon');
      await expect(line('116 123')).toContainText('Gratis. Åpent hele døgnet.');
      await expect(help.getByRole('link', { name: 'Chat med oss' })).toHaveAttribute('href', '/chat');
      await expect(page.getByRole('link', { name: /Rask utgang/ })).toHaveAttribute('href', NEUTRAL_SITE);
    }
  });

  test('quick exit on a topic page clears the band and leaves no way Back', async ({ page, neutralSite }) => {
    await page.goto('/unge');
    await chooseBand(page, '10-13');
    await page.goto(`/unge/${TOPIC.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOPIC.variants['10-13'].title);
    await expectHydrated(page);
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(neutralSite);
    await page.goBack();
    await expect(page).not.toHaveURL(`/unge/${TOPIC.slug}`);
    await page.goto(`/unge/${TOPIC.slug}`);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });
});

/** A GET to the test server with a Host header of our choosing (browsers here reach 127.0.0.1 only). */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  const base = new URL(test.info().project.use.baseURL!);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: base.port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

test('with UNGE_HOST set, the root of that host is the children\'s start page, and the main root is untouched', async () => {
  const port = new URL(test.info().project.use.baseURL!).port;
  for (let round = 0; round < 2; round++) {
    const young = await getWithHost('/', `unge.localhost:${port}`);
    expect(young.status).toBe(200);
    expect(young.body).toContain('Er det noe som er vanskelig hjemme?');
    const main = await getWithHost('/', `127.0.0.1:${port}`);
    expect(main.status).toBe(200);
    expect(main.body).not.toContain('Er det noe som er vanskelig hjemme?');
  }
  const topic = await getWithHost(`/unge/${TOPIC.slug}`, `unge.localhost:${port}`);
  expect(topic.status).toBe(200);
  // The children's footer link to the adult pages lands on the adult front page on both names.
  expect(topic.body).toContain('href="/?voksen"');
  const adults = await getWithHost('/?voksen', `unge.localhost:${port}`);
  expect(adults.status).toBe(200);
  expect(adults.body).not.toContain('Er det noe som er vanskelig hjemme?');
  expect(adults.body).toContain('Du er ikke alene');
});
