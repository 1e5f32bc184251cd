import fs from 'node:fs';
import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { ContactPage } from '../test/contact-page';
import { expect, shareOwnApp, test } from '../test/fixtures';
import { addStaff, signIn, trySignIn } from '../test/staff-pages';

/**
 * Every server action checks its caller itself. The list comes from the build's own
 * server-action manifest, so an action added later cannot escape this test: it is either
 * public by nature (and named below, with the reason) or must refuse a stranger and a
 * signed-in person of the wrong role, and change nothing.
 */
const PUBLIC_ACTIONS: Record<string, string> = {
  submitInquiryAction: 'the contact form is for anyone',
  signInAction: 'signing in is how a session starts',
  signOutAction: 'ending a session needs none',
  setupAction: 'the one-time token in the form is the permission',
};

/** Route handlers that anyone may call, with the reason; every other one must refuse. */
const PUBLIC_ROUTES: Record<string, string> = {
  '/api/auth/[...nextauth]/route': 'Auth.js: the sign-in exchange itself',
  '/icon.svg/route': 'the site icon',
  '/apple-icon.png/route': 'the icon a phone shows for a bookmark',
  '/robots.txt/route': 'the rules for search engines',
  '/manifest.webmanifest/route': 'the web manifest',
  '/security.txt/route': 'how to report a security problem (RFC 9116)',
  '/chat/api/samtale/route': "the anonymous chat: the visitor's own token cookie is the only permission",
  '/chat/api/meldinger/route': "the anonymous chat: the visitor's own token cookie is the only permission",
  '/chat/api/hendelser/route': "the anonymous chat: the visitor's own token cookie is the only permission",
  '/chat/api/avslutt/route': "the anonymous chat: the visitor's own token cookie is the only permission",
  '/chat/api/svar/route': 'the anonymous survey after a chat: the one-time ticket its start gave the visitor is the only permission',
};

/**
 * Handlers Next makes from its metadata files: they answer from the file or the build, take no
 * request and no input, so there is nothing for a wrapper to check.
 */
const METADATA_ROUTES: Record<string, string> = {
  '/icon.svg/route': 'app/icon.svg',
  '/apple-icon.png/route': 'app/apple-icon.png',
  '/robots.txt/route': 'app/robots.ts',
  '/manifest.webmanifest/route': 'app/manifest.ts',
};

/** Staff route handlers chat hosts may use; for these the wrong role is an adviser. */
const CHAT_HOST_ROUTES = new Set([
  '/staff/(app)/chat/api/hendelser/route',
  '/staff/(app)/chat/api/handling/route',
  '/staff/(app)/chat/api/tilgjengelighet/route',
  '/staff/(app)/chat/api/verter/route',
]);

function manifestRoutes(): string[] {
  const manifest = JSON.parse(fs.readFileSync('.next/server/app-paths-manifest.json', 'utf8')) as Record<string, string>;
  return Object.keys(manifest).filter((k) => k.endsWith('/route') && !(k in PUBLIC_ROUTES));
}

type ActionEntry = { id: string; file: string; name: string; url: string };

function manifestActions(): ActionEntry[] {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => {
    const page = Object.keys(a.workers)[0]!;
    const url = page
      .replace(/^app/, '')
      .replace(/\/\([^)]+\)/g, '')
      .replace(/\/page$/, '')
      .replace('[id]', '00000000-0000-4000-8000-000000000000')
      .replace('[token]', 'x'.repeat(40));
    return { id, file: a.filename, name: a.exportedName, url: url || '/' };
  });
}

async function callAction(request: APIRequestContext, baseURL: string, action: ActionEntry, inquiryId: string) {
  const url = baseURL + action.url.replace('00000000-0000-4000-8000-000000000000', inquiryId);
  return request.post(url, {
    headers: { 'Next-Action': action.id, Accept: 'text/x-component', Origin: baseURL },
    multipart: {
      '1_id': inquiryId,
      '1_inquiryId': inquiryId,
      '1_body': 'inntrenger-notat',
      '1_note': 'inntrenger-notat',
      '1_status': 'under_arbeid',
      '1_staffId': inquiryId,
      '0': '["$K1"]',
    },
  });
}

test('every action and handler in the build is one the wrapper check reads', () => {
  // app/wrapped-endpoints.test.ts asserts, from the source, that each export of these files
  // is built by staffAction, staffRoute, publicAction or publicRoute. This ties that list to
  // what the build really serves, so an endpoint in some other file cannot slip past it.
  const checked = /^(?:\.\/)?app\/(?:.*\/)?(?:actions|route)\.ts$/;
  for (const action of manifestActions()) expect(action.file, action.name).toMatch(checked);
  const manifest = JSON.parse(fs.readFileSync('.next/server/app-paths-manifest.json', 'utf8')) as Record<string, string>;
  const handlers = Object.keys(manifest).filter((k) => k.endsWith('/route'));
  expect(handlers.length).toBeGreaterThan(5);
  for (const route of handlers) expect(fs.existsSync(METADATA_ROUTES[route] ?? `app${route}.ts`), route).toBe(true);
});

test.describe('staff area: every door checks who knocks', () => {
  test.setTimeout(180_000);

  // One app for the whole group: starting one costs seconds, and no test here changes what
  // another one checks.
  const shared = shareOwnApp(async ({ database, startOwnApp }, testInfo) => {
    // Migrating and starting the app takes long on a busy machine; the hook gets the tests' time.
    testInfo.setTimeout(180_000);
    const { env } = await database();
    // The accounts go in before the app starts (PGlite serves one process at a time).
    const staff = {
      host: addStaff(env, { email: 'vert@example.org', role: 'chat_host', name: 'Chat Vert' }),
      admin: addStaff(env, { email: 'admin@example.org', role: 'admin', name: 'Anne Admin' }),
      // Each sign-in spends a code; a test of its own account never waits for the next one.
      leaver: addStaff(env, { email: 'leaver@example.org', role: 'admin', name: 'Lars Admin' }),
      replayer: addStaff(env, { email: 'replay@example.org', role: 'adviser', name: 'Rita Rådgiver' }),
      adviser: addStaff(env, { email: 'radgiver@example.org', role: 'adviser', name: 'Rolf Rådgiver' }),
    };
    return { ...staff, app: await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' }) };
  });

  async function seedInquiry(context: BrowserContext): Promise<string> {
    const { app } = shared();
    const page = await context.newPage();
    const form = new ContactPage(page);
    await form.open(app.baseURL);
    await form.fill({ name: 'Kari', email: 'kari@example.org', message: 'hemmelig-innhold-42' });
    await form.choose();
    await form.send();
    const reference = await form.reference();
    await page.close();
    return reference;
  }

  test('actions refuse strangers and the wrong role, and change nothing @claim:roller', async ({ browser, staffPage }) => {
    const { app, host, admin } = shared();
    const actions = manifestActions();
    expect(actions.length).toBeGreaterThan(4);
    const guarded = actions.filter((a) => !(a.name in PUBLIC_ACTIONS));
    expect(guarded.map((a) => a.name)).toEqual(expect.arrayContaining(['addNoteAction', 'closeAction']));

    const adminContext = await browser.newContext();
    const reference = await seedInquiry(adminContext);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, app.baseURL, admin);
    await adminPage.goto(`${app.baseURL}/staff/henvendelser`);
    await adminPage.getByRole('link', { name: new RegExp(reference) }).click();
    await adminPage.waitForURL(/\/staff\/henvendelser\/[0-9a-f-]{36}$/);
    await expect(adminPage.getByRole('heading', { level: 1 })).toContainText(reference);
    const inquiryId = adminPage.url().split('/').pop()!;
    const before = await adminPage.locator('main').innerText();

    const hostPage = await staffPage(app.baseURL, host);
    await expect(hostPage.getByRole('heading', { name: /Hei, Chat Vert/ })).toBeVisible();

    const stranger = await browser.newContext();
    for (const action of guarded) {
      for (const [who, request] of [
        ['stranger', stranger.request],
        ['chat host', hostPage.request],
      ] as const) {
        const response = await callAction(request, app.baseURL, action, inquiryId);
        const body = await response.text();
        expect(body, `${action.name} as ${who}`).not.toContain('hemmelig-innhold-42');
      }
    }
    // Nothing changed: the adviser's view of the inquiry is exactly as before.
    await adminPage.reload();
    expect(await adminPage.locator('main').innerText()).toBe(before);
    await expect(adminPage.getByText('inntrenger-notat')).toHaveCount(0);
    await Promise.all([adminContext.close(), hostPage.context().close(), stranger.close()]);
  });

  test('route handlers refuse strangers and the wrong role @claim:roller', async ({ browser, staffPage }) => {
    const { app, host, adviser } = shared();
    const routes = manifestRoutes();
    expect(routes).toContain('/staff/(app)/bevaring/[id]/eksport/route');
    expect(routes).toContain('/staff/(app)/chat/api/handling/route');
    const hostPage = await staffPage(app.baseURL, host);
    const adviserPage = await staffPage(app.baseURL, adviser);
    const stranger = await browser.newContext();
    for (const route of routes) {
      const path = route.replace(/\/route$/, '').replace(/\/\([^)]+\)/g, '').replace('[id]', '00000000-0000-4000-8000-000000000000');
      const wrongRole = CHAT_HOST_ROUTES.has(route) ? (['adviser', adviserPage.request] as const) : (['chat host', hostPage.request] as const);
      for (const [who, request] of [['stranger', stranger.request] as const, wrongRole]) {
        for (const method of ['GET', 'POST'] as const) {
          const response = await request.fetch(app.baseURL + path, { method, headers: { Origin: app.baseURL }, maxRedirects: 0 });
          expect([401, 403, 404, 405], `${method} ${path} as ${who}`).toContain(response.status());
        }
      }
    }
    await Promise.all([hostPage.context().close(), adviserPage.context().close(), stranger.close()]);
  });

  test('no header trick reaches a staff page without a session; staff pages are never stored', async ({ browser, request }) => {
    const { app, admin } = shared();
    const context = await browser.newContext();
    const reference = await seedInquiry(context);
    const tricks: Record<string, string>[] = [
      { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
      { RSC: '1' },
      { 'Next-Router-Prefetch': '1', RSC: '1' },
      {},
    ];
    for (const headers of tricks) {
      for (const path of ['/staff/henvendelser', '/staff/henvendelser?_rsc=abc', '/staff']) {
        const response = await request.get(app.baseURL + path, { headers, maxRedirects: 0 });
        const body = await response.text();
        expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(reference);
        expect(body).not.toContain('hemmelig-innhold-42');
        expect([200, 303, 307, 308]).toContain(response.status());
        if (response.status() === 200) expect(body).not.toMatch(/Ikke åpnet|Henvendelser \(/);
      }
    }

    const page = await context.newPage();
    await signIn(page, app.baseURL, admin);
    await page.goto(`${app.baseURL}/staff/henvendelser`);
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    for (const path of ['/staff', '/staff/henvendelser', new URL(page.url()).pathname]) {
      const response = await context.request.get(app.baseURL + path);
      expect(response.headers()['cache-control'], path).toContain('no-store');
      expect(response.headers()['cache-control']).toContain('private');
      const body = await response.text();
      expect(body).not.toContain('$argon2id$');
      expect(body).not.toContain(admin.secret);
      expect(body).not.toMatch(/v1\.[0-9a-f]{8}\./);
    }
    await context.close();
  });

  test('a POST from another site is refused on every action', async ({ request }) => {
    const { app } = shared();
    for (const action of manifestActions()) {
      const response = await request.post(app.baseURL + action.url, {
        headers: { 'Next-Action': action.id, Origin: 'https://angriper.example' },
        multipart: { '0': '[]' },
      });
      expect(response.status(), action.name).toBe(403);
    }
  });

  test('sign-out ends the session at once, and an old cookie cannot come back', async ({ browser, staffPage }) => {
    const { app, leaver } = shared();
    const page = await staffPage(app.baseURL, leaver);
    const context = page.context();
    await expect(page.getByRole('heading', { name: /Hei, Lars Admin/ })).toBeVisible();
    const cookies = await context.cookies();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page).toHaveURL(/\/staff\/logg-inn$/);

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const again = await replay.newPage();
    await again.goto(`${app.baseURL}/staff`);
    await expect(again).toHaveURL(/\/staff\/logg-inn$/);
    await Promise.all([context.close(), replay.close()]);
  });

  test('a code used once cannot sign in again', async ({ browser, staffPage }) => {
    const { app, replayer } = shared();
    const { nextCode } = await import('../test/staff-pages');
    const code = await nextCode(replayer);
    const first = (await staffPage(app.baseURL, replayer, { code })).context();
    const second = await browser.newContext();
    const page = await second.newPage();
    await trySignIn(page, app.baseURL, replayer, code);
    await expect(page.locator('#innlogging-feil')).toContainText('E-post, passord eller kode stemmer ikke.');
    await Promise.all([first.close(), second.close()]);
  });
});
