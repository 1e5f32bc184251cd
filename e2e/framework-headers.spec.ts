import type { APIResponse, Page } from '@playwright/test';
import { expect, shareOwnApp, test } from '../test/fixtures';
import { testSecrets } from '../test/test-db';
import { directives } from '../test/csp';
import { expectHydrated } from '../test/hydration';

/**
 * The one build, started two ways: as `npm start` starts it (our HTTP server around Next) and
 * with plain `next start`. The headers and the Content-Security-Policy must hold under both, so
 * a deployment that leaves our server out is no less safe. Database-free checks: run once.
 */
const expected: Record<string, string> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
const deniedFeatures = ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'browsing-topics=()'];

function expectSecurityHeaders(response: APIResponse, what: string) {
  const h = response.headers();
  for (const [name, value] of Object.entries(expected)) expect(h[name], `${what}: ${name}`).toBe(value);
  for (const feature of deniedFeatures) expect(h['permissions-policy'], `${what}: permissions-policy`).toContain(feature);
  expect(h['x-powered-by'], what).toBeUndefined();
  const csp = directives(h['content-security-policy'] ?? '');
  expect(csp.get('object-src'), `${what}: object-src`).toEqual(["'none'"]);
  expect(csp.get('base-uri'), `${what}: base-uri`).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  const scripts = csp.get('script-src') ?? [];
  expect(scripts, `${what}: script-src`).toContain("'self'");
  for (const source of scripts) {
    expect(source, `${what}: only our origin, a nonce or a hash may run`).toMatch(/^'(self|nonce-[A-Za-z0-9+/=]{16,}|sha256-[A-Za-z0-9+/=]+)'$/);
  }
}

const publicPage = '/';
const staffPage = '/staff/logg-inn';
const missingPage = '/finnes-ikke';

/**
 * Every policy violation (from the page's own event, from its first script on) and every
 * console report of one or script error on the page.
 */
async function watchScripts(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const seen = { violations: [] as string[], errors: [] as string[] };
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) seen.errors.push(msg.text());
  });
  page.on('pageerror', (err) => seen.errors.push(err.message));
  await page.exposeFunction('reportViolation', (what: string) => seen.violations.push(what));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (w: string) => void }).reportViolation(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

for (const how of ['npm start', 'next start'] as const) {
  test.describe(`started with ${how}`, () => {
    const sharedApp = shareOwnApp(async ({ startOwnApp }, testInfo) => {
      test.skip(testInfo.project.name !== 'pglite', 'reads no data: runs once');
      // A first start migrates a fresh database; on a busy machine that takes a while.
      testInfo.setTimeout(240_000);
      // The purge schedule's first run comes 5 s after the start; the next one in an hour.
      return startOwnApp({ ...testSecrets, PURGE_INTERVAL_MINUTES: '60' }, { as: how });
    });

    test('a public page, a staff page and the 404 page carry every security header', async ({ request }) => {
      const app = sharedApp();
      const home = await request.get(`${app.baseURL}${publicPage}`);
      expect(home.status()).toBe(200);
      expectSecurityHeaders(home, publicPage);

      const staff = await request.get(`${app.baseURL}${staffPage}`);
      expect(staff.status()).toBe(200);
      expectSecurityHeaders(staff, staffPage);

      const missing = await request.get(`${app.baseURL}${missingPage}`);
      expect(missing.status()).toBe(404);
      expectSecurityHeaders(missing, missingPage);

      // A chat handler answers JSON, never a page: the fixed headers, and a policy that allows nothing.
      const handler = await request.get(`${app.baseURL}/chat/api/hendelser`);
      expect(handler.headers()['content-type'], 'the chat handler answers JSON').toContain('application/json');
      for (const [name, value] of Object.entries(expected)) expect(handler.headers()[name], `chat handler: ${name}`).toBe(value);
      expect(directives(handler.headers()['content-security-policy'] ?? '').get('default-src'), 'chat handler: default-src').toEqual(["'none'"]);
    });

    test('the purge schedule runs, so the deletion deadlines hold however the app was started', async () => {
      const app = sharedApp();
      await expect
        .poll(() => app.output().includes('"event":"purge.scheduled_run"'), { message: 'a scheduled purge ran', timeout: 30_000 })
        .toBe(true);
    });

    test('staff pages are never stored', async ({ request }) => {
      const app = sharedApp();
      for (const path of [staffPage, '/staff', '/staff/henvendelser']) {
        const response = await request.get(`${app.baseURL}${path}`, { maxRedirects: 0 });
        expect(response.headers()['cache-control'], path).toMatch(/\bno-store\b/);
        expect(response.headers()['cache-control'], path).not.toMatch(/\bpublic\b|s-maxage/);
      }
    });

    test('pages run their own scripts, and nothing inline the policy did not name @claim:bare-egne-skript', async ({ page, neutralSite }) => {
      const app = sharedApp();
      const seen = await watchScripts(page);
      for (const path of [publicPage, staffPage, missingPage, '/personvern', '/unge', '/sok?q=sykdom', '/personvern/versjoner/99']) {
        await page.goto(`${app.baseURL}${path}`);
        await expectHydrated(page, path);
        expect(seen.violations, `${path}: policy violations`).toEqual([]);
        expect(seen.errors, `${path}: script errors`).toEqual([]);
        // A script slipped into the page (as an injection would be) must not run.
        const ran = await page.evaluate(async () => {
          const script = document.createElement('script');
          script.textContent = 'window.injectedRan = true';
          document.body.append(script);
          await new Promise((r) => setTimeout(r, 50));
          return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
        });
        expect(ran, `${path}: an injected inline script ran`).toBe(false);
        await expect.poll(() => seen.violations, { message: `${path}: the injected script is reported` }).toEqual(['script-src-elem inline']);
        seen.violations.length = 0;
        seen.errors.length = 0;
      }
      // The children's page hydrated for real: Escape, its quick exit, leaves for the neutral site.
      await page.goto(`${app.baseURL}/unge`);
      await expectHydrated(page, '/unge');
      await page.keyboard.press('Escape');
      await expect(page).toHaveURL(neutralSite);
    });
  });
}
