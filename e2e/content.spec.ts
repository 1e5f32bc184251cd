import type { Page } from '@playwright/test';
import { AGE_BANDS, variantHeading } from '../lib/content/age-bands';
import { loadContent } from '../lib/content/load';
import { formatDate } from '../lib/dates';
import { expect, test } from '../test/fixtures';

const content = loadContent();

/** "1. desember 2026" for a YYYY-MM-DD, as the pages write it. */
const norwegianDay = (day: string) => formatDate(new Date(`${day}T12:00:00+01:00`));

/** The tag slugs an article page links to, read from its "Temaer" navigation. */
async function tagSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.getByRole('navigation', { name: 'Temaer' }).getByRole('link').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href') ?? ''),
  );
  return hrefs.map((href) => href.replace(/^\/tema\//, ''));
}

test.describe('content pages', () => {
  test('a section page lists its four articles by title', async ({ page }) => {
    await page.goto('/pa-skolen');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('På skolen');
    const list = page.locator('section', { has: page.getByRole('heading', { name: 'Les mer' }) }).getByRole('listitem');
    await expect(list.getByRole('link')).toHaveText([
      'Helsesykepleier og skolehelsetjenesten',
      'Skolens plikt til et trygt og godt skolemiljø',
      'Slik kan du fortelle skolen om situasjonen hjemme',
      'Tegn på at barnet trenger mer støtte',
    ]);
    await expect(list.getByRole('link', { name: 'Tegn på at barnet trenger mer støtte' })).toHaveAttribute(
      'href',
      '/pa-skolen/tegn-pa-at-barnet-trenger-mer-stotte',
    );
  });

  test('an article page shows its tags and related articles that share one @claim:forslag-fra-stikkord', async ({ page }) => {
    const path = '/i-helsetjenesten/rett-til-informasjon-som-parorende';
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din rett til informasjon som pårørende');
    const article = content.articles.find((a) => a.slug === 'rett-til-informasjon-som-parorende')!;
    await expect(page.getByText(`Faglig gjennomgått ${norwegianDay(article.reviewed)}`)).toBeVisible();

    const tags = page.getByRole('navigation', { name: 'Temaer' });
    await expect(tags.getByRole('link')).toHaveText(['Rettigheter', 'Taushetsplikt', 'Samtale med helsepersonell']);
    const ownTags = await tagSlugs(page);
    expect(ownTags).toEqual(['rettigheter', 'taushetsplikt', 'samtale-med-helsepersonell']);

    const related = page.locator('section', { has: page.getByRole('heading', { name: 'Relatert innhold' }) }).getByRole('link');
    const count = await related.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(4);
    const hrefs = await related.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.some((href) => href?.endsWith('/rett-til-informasjon-som-parorende'))).toBe(false);

    await related.first().click();
    await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
    const firstTags = await tagSlugs(page);
    expect(firstTags.filter((t) => ownTags.includes(t)).length).toBeGreaterThan(0);
  });

  test('a tag page lists an article with that tag and links to it', async ({ page }) => {
    await page.goto('/tema/taushetsplikt');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taushetsplikt');
    await expect(page.getByText('Hva helsepersonell, skole og andre kan dele med deg')).toBeVisible();
    const link = page.getByRole('link', { name: 'Din rett til informasjon som pårørende' });
    await expect(link).toHaveAttribute('href', '/i-helsetjenesten/rett-til-informasjon-som-parorende');
    await link.click();
    await expect(page.getByRole('navigation', { name: 'Temaer' }).getByRole('link', { name: 'Taushetsplikt' })).toBeVisible();
  });

  test('an unknown article is a 404', async ({ page }) => {
    const response = await page.goto('/pa-skolen/rett-til-informasjon-som-parorende');
    expect(response?.status()).toBe(404);
  });

  test('every article lists its sources under "Kilder", each a link with the day it was checked', async ({ page }) => {
    for (const article of content.articles) {
      const path = `/${article.sections[0]}/${article.slug}`;
      await page.goto(path);
      await expect(page.getByText(`Faglig gjennomgått ${norwegianDay(article.reviewed)}`), path).toBeVisible();
      const sources = page.getByRole('region', { name: 'Kilder' });
      await expect(sources.getByRole('listitem'), path).toHaveCount(article.sources.length);
      for (const source of article.sources) {
        const item = sources.getByRole('listitem').filter({ has: page.getByRole('link', { name: source.title, exact: true }) });
        await expect(item.getByRole('link'), path).toHaveAttribute('href', source.url);
        await expect(item).toContainText(`kontrollert ${norwegianDay(source.checked)}`);
      }
    }
  });

  test('a children\'s topic shows "Kilder" for 10–13 and 14–18 but not for under 10, and every band\'s review date', async ({ page }) => {
    const topic = content.youngTopics[0]!;
    // Without a chosen band (a fresh context) the page holds all three variants, each opened on its own.
    await page.goto(`/unge/${topic.slug}`);
    for (const band of AGE_BANDS) {
      const variant = topic.variants[band];
      await page.locator('summary', { hasText: variantHeading(band) }).click();
      const section = page.locator(`section#for-${band}`);
      await expect(section.getByText(`Faglig gjennomgått ${norwegianDay(variant.reviewed)}`)).toBeVisible();
      const sources = section.getByRole('region', { name: 'Kilder' });
      if (band === 'under-10') {
        await expect(sources).toHaveCount(0);
      } else {
        await expect(sources.getByRole('link')).toHaveCount(variant.sources.length);
        await expect(sources.getByRole('link').first()).toHaveAttribute('href', variant.sources[0]!.url);
      }
    }
  });
});
