import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { freePort, runScript } from '../test/app';
import type { Page } from '@playwright/test';
import { expect, test } from '../test/fixtures';
import { addStaff, signIn } from '../test/staff-pages';
import { freeUdpPort } from '../scripts/bench/net';
import { nginxBinary } from '../scripts/bench/nginx-server';
import { type RecipeNginx, startRecipeNginx } from '../scripts/bench/nginx-recipe';

/**
 * The reverse-proxy recipe (deploy/nginx/hjelpelinje.conf), tested as it is written: the file
 * itself, with only its addresses, ports, certificate and folders put in for this machine,
 * runs in a real nginx in front of the app (TRUST_PROXY_HOPS=1, VISIT_COUNTING=proxy), over
 * TLS with a certificate made for the test. Each rule of the recipe is checked by what a
 * visitor, a staff member and an auditor would see. Skipped where nginx is not installed
 * (.ci/run installs it from Debian).
 */
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
/** What a browser sends when the visitor opens a page from a bookmark. */
const DOCUMENT = { 'user-agent': BROWSER, 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none', 'accept-encoding': 'gzip' };

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function ask(url: string, ca: string, { method = 'GET', headers = {}, body, localAddress }: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {}): Promise<Answer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers, ca, localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: decode(res.headers, Buffer.concat(chunks)) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function decode(headers: http.IncomingHttpHeaders, bytes: Buffer): string {
  return (headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
}

/** Opens an event stream and resolves with the first bytes and how long they took, leaving it open. */
function firstEventBytes(url: string, ca: string, cookie: string): Promise<{ status: number; type: string; first: string; ms: number; close: () => void }> {
  const target = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: target.hostname, port: target.port, path: target.pathname, headers: { cookie, accept: 'text/event-stream', 'user-agent': BROWSER }, ca, agent: false },
      (res) => {
        res.once('data', (c: Buffer) =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), first: c.toString('utf8'), ms: Date.now() - started, close: () => req.destroy() }),
        );
      },
    );
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end();
  });
}

const bin = nginxBinary();

test.describe('behind nginx, with the recipe in deploy/nginx', () => {
  test.skip(!bin, 'nginx is not installed (Debian: apt-get install nginx)');

  test('TLS, a short cache for public pages only, limits, event streams, client addresses and counting', async ({ browser, ownDatabase: db, startOwnApp }) => {
    test.setTimeout(240_000);
    let proxy: RecipeNginx | undefined;
    try {
      // Staff are made before the app starts (an embedded database takes one process at a time).
      const ada = addStaff(db.env, { email: 'ada@example.org', role: 'adviser', name: 'Ada Rådgiver' });
      const bo = addStaff(db.env, { email: 'bo@example.org', role: 'admin', name: 'Bo Leder' });
      // The app names nginx's address as its own (sign-in redirects there), so nginx's ports come first.
      const tlsPort = await freePort();
      const site = `https://127.0.0.1:${tlsPort}`;
      const countPort = await freeUdpPort();
      const app = await startOwnApp({
        TRUST_PROXY_HOPS: '1',
        VISIT_COUNTING: 'proxy',
        VISIT_COUNT_PORT: String(countPort),
        SITE_URL: site,
        CHAT_HOURS: 'alltid',
        CHAT_START_LIMIT: '1',
        PURGE_INTERVAL_MINUTES: '0',
      });
      proxy = await startRecipeNginx({ appPort: Number(new URL(app.baseURL).port), countPort, port: tlsPort });
      expect(proxy, 'nginx and openssl are installed').toBeDefined();
      const { ca, httpPort, dir } = proxy!;
      await expect.poll(() => ask(`${site}/`, ca, { headers: { 'user-agent': 'curl/8' } }).then((a) => a.status, () => 0), { timeout: 20_000 }).toBe(200);

      await test.step('plain HTTP is sent to HTTPS', async () => {
        const answer = await ask(`http://127.0.0.1:${httpPort}/personvern`, ca);
        expect(answer.status).toBe(301);
        expect(answer.headers.location).toBe(`https://127.0.0.1/personvern`);
      });

      await test.step('a public page is kept a few seconds, and browsers still check it every time', async () => {
        const first = await ask(`${site}/personvern`, ca, { headers: { 'user-agent': 'curl/8' } });
        const again = await ask(`${site}/personvern`, ca, { headers: { 'user-agent': 'curl/8' } });
        expect(first.status).toBe(200);
        expect(again.headers['x-cache-status']).toBe('HIT');
        expect(again.body).toBe(first.body);
        expect(again.headers['cache-control']).toBe('private, no-cache');
        expect(again.headers['x-accel-expires'], 'the app\'s word to nginx stays with nginx').toBeUndefined();
        const revalidated = await ask(`${site}/personvern`, ca, { headers: { 'if-none-match': String(again.headers.etag), 'user-agent': 'curl/8' } });
        expect(revalidated.status).toBe(304);
      });

      await test.step('searches, requests with a cookie, forms and the chat are never kept', async () => {
        for (let i = 0; i < 2; i++) {
          const search = await ask(`${site}/sok?q=sorg`, ca);
          expect(search.headers['x-cache-status'], 'a search').not.toBe('HIT');
          const withCookie = await ask(`${site}/personvern`, ca, { headers: { cookie: 'hl_chat=abc' } });
          expect(withCookie.headers['x-cache-status'], 'a request with a cookie').toBe('BYPASS');
          const form = await ask(`${site}/kontakt`, ca, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site }, body: 'navn=x' });
          expect(form.headers['x-cache-status'], 'a form sent').not.toBe('HIT');
          const chat = await ask(`${site}/chat`, ca);
          expect(chat.headers['x-cache-status'], 'the chat').toBeUndefined();
        }
      });

      await test.step('a body over the limit is refused by nginx', async () => {
        const answer = await ask(`${site}/kontakt`, ca, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site }, body: Buffer.alloc(600 * 1024, 'a') });
        expect(answer.status).toBe(413);
      });

      await test.step('each client is itself to the app, and cannot pose as another', async () => {
        const start = (localAddress: string, headers: Record<string, string> = {}) =>
          ask(`${site}/chat/api/samtale`, ca, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', origin: site, ...headers }, body: '{}' });
        const a = await start('127.0.0.1');
        expect(a.status, a.body).toBe(201);
        // A second start from the same client, dressed as another address, meets the limit of one.
        expect((await start('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
        // Another client (another address) is not held back by the first one's limit.
        expect((await start('127.0.0.2')).status).toBe(201);

        // The chat's event stream comes through as it is written, not held back in a buffer.
        const cookie = String(a.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
        const stream = await firstEventBytes(`${site}/chat/api/hendelser`, ca, cookie);
        stream.close();
        expect(stream.status).toBe(200);
        expect(stream.type).toContain('text/event-stream');
        expect(stream.first).toContain('retry:');
        expect(stream.ms).toBeLessThan(5_000);
      });

      const pages: Page[] = [];
      await test.step('two staff members signed in at once each see their own pages', async () => {
        for (const account of [ada, bo]) {
          const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
          await signIn(page, site, account);
          pages.push(page);
        }
        for (let round = 0; round < 2; round++) {
          for (const [page, own, other] of [[pages[0]!, 'Ada Rådgiver', 'Bo Leder'], [pages[1]!, 'Bo Leder', 'Ada Rådgiver']] as const) {
            const response = await page.goto(`${site}/staff`);
            expect(response?.headers()['cache-control']).toMatch(/no-store/);
            expect(response?.headers()['x-cache-status']).toBeUndefined();
            await expect(page.locator('body')).toContainText(own);
            await expect(page.locator('body')).not.toContainText(other);
          }
        }
      });

      await test.step('a kept page is at most 11 seconds old, so a new privacy notice shows within 21', async () => {
        // The app reads the notice every 10 seconds (lib/server/privacy-notice.ts); nginx keeps a
        // page 10 seconds more, counted in whole seconds, so up to 11. A page kept now is gone
        // from the cache 11.5 seconds on.
        await ask(`${site}/i-arbeidslivet`, ca, { headers: { 'user-agent': 'curl/8' } });
        const kept = await ask(`${site}/i-arbeidslivet`, ca, { headers: { 'user-agent': 'curl/8' } });
        expect(kept.headers['x-cache-status']).toBe('HIT');
        await new Promise((r) => setTimeout(r, 11_500));
        const later = await ask(`${site}/i-arbeidslivet`, ca, { headers: { 'user-agent': 'curl/8' } });
        expect(later.headers['x-cache-status']).toMatch(/^(?:EXPIRED|MISS)$/);
        // And what nginx hands out then is what the app shows now, notice or none.
        const direct = await ask(`${app.baseURL}/i-arbeidslivet`, ca, { headers: { 'user-agent': 'curl/8' } });
        const notice = (html: string) => /<div id="personvern-varsel">(.*?)<\/div>/.exec(html)?.[1];
        expect(notice(later.body)).toBe(notice(direct.body));
        for (const page of pages) await page.context().close();
      });

      await test.step('pages answered from the cache are counted, and none twice', async () => {
        // Three arrivals at the front page from a bookmark (two from the cache), one more by a
        // browser checking the copy it holds (a 304 from the cache), one at the contact page.
        const answers = [];
        for (let i = 0; i < 3; i++) answers.push(await ask(`${site}/`, ca, { headers: DOCUMENT }));
        expect(answers.map((a) => a.headers['x-cache-status'])).toContain('HIT');
        const checked = await ask(`${site}/`, ca, { headers: { ...DOCUMENT, 'if-none-match': String(answers[2]!.headers.etag) } });
        expect(checked.status).toBe(304);
        expect((await ask(`${site}/kontakt`, ca, { headers: DOCUMENT })).status).toBe(200);
        // nginx sends each line as it finishes the answer; the app reads what is still queued
        // before it stops listening (lib/server/count-listener.ts), then writes its counts.
        await app.stop();
        const dumped = runScript('test/dump-db.ts', [], db.env);
        expect(dumped.status, dumped.stderr).toBe(0);
        const dump = JSON.parse(dumped.stdout) as Record<string, Record<string, unknown>[]>;
        const views = Object.fromEntries((dump['public.daily_page_views'] ?? []).map((r) => [r['path'], r['views']]));
        expect(views).toEqual({ '/': 4, '/kontakt': 1 });
        const visits = Object.fromEntries((dump['public.daily_visits'] ?? []).map((r) => [r['site'], r['visits']]));
        expect(visits).toEqual({ voksen: 5 });
        expect(dumped.stdout).not.toContain('127.0.0.');
      });

      await test.step('nginx stored no address: no access log, and none in the error log', async () => {
        const files = fs.readdirSync(dir);
        expect(files.filter((f) => /access/.test(f))).toEqual([]);
        const errors = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
        expect(errors).not.toMatch(/127\.0\.0\.[12]/);
      });
    } finally {
      await proxy?.close();
    }
  });
});
