import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

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

  test('an article page shows its tags and related articles that share one', async ({ page }) => {
    const path = '/i-helsetjenesten/rett-til-informasjon-som-parorende';
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din rett til informasjon som pårørende');
    await expect(page.getByText('Sist gjennomgått 23. november 2026')).toBeVisible();

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

  for (const path of ['/i-helsetjenesten/rett-til-informasjon-som-parorende', '/tema/taushetsplikt']) {
    test(`no axe violations on ${path}`, async ({ page, axe }) => {
      await page.goto(path);
      await axe(page);
    });
  }
});
