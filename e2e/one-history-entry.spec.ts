import type { Page } from '@playwright/test';
import { AGE_BAND_LABELS, variantHeading, type AgeBand } from '../lib/content/age-bands';
import { loadContent } from '../lib/content/load';
import { bandTracesIn } from '../test/age-band-traces';
import { expect, test } from '../test/fixtures';
import { expectHydrated } from '../test/hydration';

/**
 * The children's pages and the chat hold one entry in the browser's history (issue 14): every
 * move inside them replaces it, and the quick exit replaces it with the neutral site, so Back
 * leads to the page before our site. The browser's own list of entries is read through the
 * DevTools protocol (Page.getNavigationHistory), the list the Back button walks.
 */
const content = loadContent();
const topic = (slug: string) => content.youngTopics.find((t) => t.slug === slug)!;
const FIRST = topic('nar-mamma-eller-pappa-er-syk');
const SECOND = topic('nar-noen-dor');

/** A page on another origin (127.0.0.2, answered by the test) standing in for where the visitor was before. */
const BEFORE = 'http://127.0.0.2/en-annen-side';

/** Opens BEFORE and returns the history as it stands there (the new tab's blank page, then BEFORE). */
async function startElsewhere(page: Page): Promise<string[]> {
  await page.route(BEFORE, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="nb"><title>En annen side</title><h1>En annen side</h1></html>' }),
  );
  await page.goto(BEFORE);
  const entries = await historyEntries(page);
  expect(entries.at(-1)).toBe(BEFORE);
  return entries;
}

async function historyEntries(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { entries } = await cdp.send('Page.getNavigationHistory');
    return entries.map((entry) => entry.url);
  } finally {
    await cdp.detach();
  }
}

/** Our site holds one entry, the one shown now, after the history as it stood `before`. */
async function expectOneEntry(page: Page, before: string[], step: string) {
  await expect.poll(() => historyEntries(page), { message: step }).toEqual([...before, page.url()]);
}

/** Back from the neutral site lands on the page before our site. */
async function expectBackLeavesTheSite(page: Page, before: string[], neutralSite: string) {
  await expect(page).toHaveURL(neutralSite);
  expect(await historyEntries(page)).toEqual([...before, neutralSite]);
  await page.goBack();
  await expect(page).toHaveURL(BEFORE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('En annen side');
}

async function openTopic(page: Page, slug: string, title: string) {
  await page.locator(`main a[href="/unge/${slug}"]`).first().click();
  await expect(page).toHaveURL(`/unge/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

test.describe('the children\'s pages hold one entry in the history', () => {
  test('/unge, a topic, another topic, quick exit: Back leaves the site @claim:unge-tilbake-forlater-siden', async ({ page, neutralSite }) => {
    const before = await startElsewhere(page);
    await page.goto('/unge');
    await expectHydrated(page);
    await openTopic(page, FIRST.slug, FIRST.variants['10-13'].title);
    await openTopic(page, SECOND.slug, SECOND.variants['10-13'].title);
    await expectOneEntry(page, before, 'after two topics');
    await page.getByRole('link', { name: /Rask utgang/ }).click();
    await expectBackLeavesTheSite(page, before, neutralSite);
  });

  test('the age choice, a link in a topic\'s text, the skip link, the menu and a search stay in the one entry; Escape leaves @claim:unge-tilbake-forlater-siden', async ({ page, neutralSite }) => {
    const before = await startElsewhere(page);
    await page.goto('/unge');
    await expectHydrated(page);
    await page.getByRole('button', { name: AGE_BAND_LABELS['10-13'], exact: true }).click();
    await openTopic(page, 'alkohol-eller-rus-hjemme', topic('alkohol-eller-rus-hjemme').variants['10-13'].title);
    // A plain anchor from the topic's Markdown, not a Next Link.
    await page.getByRole('main').getByRole('link', { name: 'Hvem kan du snakke med', exact: true }).click();
    await expect(page).toHaveURL('/unge/hvem-kan-du-snakke-med');
    await page.keyboard.press('Tab');
    await page.getByRole('link', { name: 'Hopp til hovedinnholdet' }).press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    expect(page.url()).not.toContain('#');
    await page.getByRole('navigation', { name: 'Meny for unge' }).getByRole('link', { name: 'Søk' }).click();
    await expect(page).toHaveURL('/unge/sok');
    await page.getByRole('searchbox', { name: 'Hva vil du lese om?' }).fill('sorg');
    await page.getByRole('button', { name: 'Søk' }).click();
    await expect(page).toHaveURL('/unge/sok?q=sorg');
    await expect(page.getByRole('searchbox', { name: 'Hva vil du lese om?' })).toHaveValue('sorg');
    await expectOneEntry(page, before, 'after the age choice, two links, the skip link and a search');
    await page.keyboard.press('Escape');
    await expectBackLeavesTheSite(page, before, neutralSite);
  });

  test('a link to the adult site still adds an entry, so Back returns from there', async ({ page }) => {
    await startElsewhere(page);
    await page.goto('/unge');
    await expectHydrated(page);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Personvern' }).click();
    await expect(page).toHaveURL('/personvern');
    await page.goBack();
    await expect(page).toHaveURL('/unge');
  });
});

test.describe('the chat shares the one entry', () => {
  test('/unge, the chat, quick exit: Back leaves the site @claim:chat-tilbake-forlater-siden', async ({ page, neutralSite }) => {
    const before = await startElsewhere(page);
    await page.goto('/unge');
    await expectHydrated(page);
    await page.getByRole('navigation', { name: 'Meny for unge' }).getByRole('link', { name: 'Chat' }).click();
    await expect(page).toHaveURL('/chat');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chat med oss');
    await expectOneEntry(page, before, 'on the chat');
    // The chat runs the children's island from its <head>: the quick exit works from the first frame.
    await page.getByRole('link', { name: /Rask utgang/ }).click();
    await expectBackLeavesTheSite(page, before, neutralSite);
  });

  test('/chat, Skjul besøket, back to the chat, Escape: Back leaves the site @claim:chat-tilbake-forlater-siden', async ({ page, neutralSite }) => {
    const before = await startElsewhere(page);
    await page.goto('/chat');
    await expectHydrated(page);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Skjul besøket ditt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skjul besøket ditt');
    await page.getByRole('main').getByRole('link', { name: 'Til chatten' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chat med oss');
    await expectOneEntry(page, before, 'back on the chat');
    await page.keyboard.press('Escape');
    await expectBackLeavesTheSite(page, before, neutralSite);
  });
});

test.describe('"Skjul besøket ditt"', () => {
  for (const from of ['/unge', '/chat']) {
    test(`is linked from ${from} and says what the quick exit, the history and the chat's cookie do @claim:skjul-besoket-side`, async ({ page, axe }) => {
      await page.goto(from);
      const link = page.getByRole('contentinfo').getByRole('link', { name: 'Skjul besøket ditt' });
      await expect(link).toHaveAttribute('href', '/unge/skjul-besoket');
      await link.click();
      await expect(page).toHaveURL('/unge/skjul-besoket');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skjul besøket ditt');
      for (const heading of ['Rask utgang', 'Hvis JavaScript er slått av', 'Bruk privat nettlesing', 'Slett historikken', 'Hvis du deler enhet med andre', 'Chatten']) {
        await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      }
      await expect(page.getByRole('region', { name: 'Chatten' })).toContainText('hl_chat');
      await expect(page.getByRole('region', { name: 'Chatten' })).toContainText('senest når du lukker nettleseren');
      await expect(page.getByRole('link', { name: /Rask utgang/ })).toBeVisible();
      await axe(page);
    });
  }

  test('the children\'s start page links to it beside the words about the quick exit', async ({ page }) => {
    await page.goto('/unge');
    await expect(page.getByRole('main').getByRole('link', { name: 'Skjul besøket ditt' })).toHaveAttribute('href', '/unge/skjul-besoket');
  });
});

/** Every URL the tab showed: each load and each change of address in the page. */
function recordAddresses(page: Page): string[] {
  const seen: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.push(frame.url());
  });
  return seen;
}

async function expectNoBandInAddresses(page: Page, seen: string[]) {
  const everything = [...seen, ...(await historyEntries(page))];
  expect(everything.length).toBeGreaterThan(2);
  for (const url of everything) {
    expect(bandTracesIn(url), url).toEqual([]);
    expect(url, 'no fragment').not.toContain('#');
  }
}

test.describe('the age band never enters an address', () => {
  test('with JavaScript: choosing, changing and reading in every band leaves none in the history @claim:alder-aldri-i-adressen', async ({ page }) => {
    const seen = recordAddresses(page);
    await page.goto('/unge');
    await expectHydrated(page);
    const choose = (band: AgeBand) => page.getByRole('button', { name: AGE_BAND_LABELS[band], exact: true }).click();
    await choose('14-18');
    await openTopic(page, FIRST.slug, FIRST.variants['14-18'].title);
    await page.getByRole('button', { name: 'Bytt alder' }).click();
    await choose('under-10');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIRST.variants['under-10'].title);
    await openTopic(page, SECOND.slug, SECOND.variants['under-10'].title);
    await page.getByRole('button', { name: 'Bytt alder' }).click();
    await choose('10-13');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECOND.variants['10-13'].title);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECOND.variants['10-13'].title);
    await expectNoBandInAddresses(page, seen);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('opening each band\'s text and moving on leaves none in the history @claim:alder-aldri-i-adressen', async ({ page }) => {
      const seen = recordAddresses(page);
      await page.goto('/unge');
      await page.locator(`main a[href="/unge/${FIRST.slug}"]`).click();
      for (const band of ['14-18', 'under-10', '10-13'] as const) {
        await page.locator('summary', { hasText: variantHeading(band) }).click();
        await expect(page.locator(`#for-${band}`).getByText(FIRST.variants[band].summary)).toBeVisible();
      }
      await page.locator(`main a[href="/unge/${SECOND.slug}"]`).click();
      await page.locator('summary', { hasText: variantHeading('14-18') }).click();
      await expect(page.locator('#for-14-18').getByText(SECOND.variants['14-18'].summary)).toBeVisible();
      await expectNoBandInAddresses(page, seen);
    });
  });
});
