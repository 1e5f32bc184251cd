import { expect, test } from '../test/fixtures';

/**
 * The files the design card puts at the site's root: robots.txt, security.txt, the icons and
 * the web manifest, as a crawler, a security researcher or a phone asks for them.
 */
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'pglite', 'these files read no database');
});

test('robots.txt keeps crawlers off staff pages, route handlers and search results', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const lines = (await response.text()).split('\n').map((l) => l.trim());
  expect(lines).toContain('User-Agent: *');
  const disallowed = lines.filter((l) => l.startsWith('Disallow: ')).map((l) => l.slice('Disallow: '.length));
  for (const prefix of ['/staff', '/api/', '/chat/api/', '/sok', '/unge/sok']) expect(disallowed).toContain(prefix);
  expect(disallowed, 'the site itself stays open').not.toContain('/');
});

test('/.well-known/security.txt has the fields RFC 9116 requires', async ({ request, baseURL }) => {
  const response = await request.get('/.well-known/security.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  const text = await response.text();
  // The test server sets no SECURITY_CONTACT, so the public contact address stands in.
  expect(text).toMatch(/^Contact: mailto:kontakt@hjelpelinje\.no$/m);
  const expires = /^Expires: (\S+)$/m.exec(text)?.[1];
  expect(expires).toBeTruthy();
  const ahead = Date.parse(expires!) - Date.now();
  expect(ahead).toBeGreaterThan(0);
  expect(ahead).toBeLessThan(365 * 86_400_000);
  expect(text).toMatch(/^Preferred-Languages: no, en$/m);
  // SITE_URL is unset here, so the canonical address is the default http://localhost:$PORT.
  expect(text).toContain(`Canonical: http://localhost:${new URL(baseURL!).port}/.well-known/security.txt\n`);
});

test('the manifest parses and every icon it names is served as what it claims to be', async ({ request, page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await response.json()) as { lang: string; name: string; start_url: string; icons: { src: string; type: string; sizes: string }[] };
  expect(manifest.lang).toBe('nb');
  expect(manifest.name).toContain('Hjelpelinje');
  expect(manifest.start_url).toBe('/');
  expect(manifest.icons.length).toBeGreaterThanOrEqual(3);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type'], icon.src).toBe(icon.type);
    if (icon.type === 'image/png') {
      const png = await file.body();
      expect(png.subarray(1, 4).toString('latin1'), icon.src).toBe('PNG');
      // The PNG header's width and height match the size the manifest names.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }
  }
});

test('every page links the favicon and the home-screen icon, and both are served', async ({ request, page }) => {
  await page.goto('/unge');
  for (const [selector, type] of [
    ['link[rel="icon"][type="image/svg+xml"]', 'image/svg+xml'],
    ['link[rel="apple-touch-icon"]', 'image/png'],
  ] as const) {
    const href = await page.locator(selector).first().getAttribute('href');
    expect(href, selector).toBeTruthy();
    const file = await request.get(href!);
    expect(file.status(), href!).toBe(200);
    expect(file.headers()['content-type'], href!).toBe(type);
  }
});
