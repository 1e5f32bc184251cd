import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from '@playwright/test';
import { expect, test } from '../test/fixtures';

/**
 * A relative reads on a phone in a hospital corridor, a child on an old tablet, both on mobile
 * data that costs them every byte. A page the visitor reads is a document (issue 15): it loads
 * at most 50 KB of JavaScript, none of which is needed to read it, asks the server for nothing
 * but itself and its stylesheet and icons (never another page's data, ahead of time or not),
 * and nothing on it moves once it is drawn. The chat is a children's page too: it talks to the
 * server, but with a few KB of script of its own, not the framework.
 */
const ARTICLE = '/i-helsetjenesten/rett-til-informasjon-som-parorende';
const TOPIC = '/unge/nar-noen-dor';
const PAGES = [ARTICLE, TOPIC, '/', '/unge'];
const MAX_SCRIPT_BYTES = 50 * 1024;

/** A request for another page's flight data (a prefetch, or a client navigation's payload). */
async function isFlightData(request: Request): Promise<boolean> {
  const headers = await request.allHeaders();
  return new URL(request.url()).searchParams.has('_rsc') || 'rsc' in headers || 'next-router-prefetch' in headers;
}

type Reading = { requests: string[]; flight: string[]; scriptBytes: number; inlineScriptBytes: number };

/** Opens `path` and reads it to the end as a visitor would: scrolling every link into view, hovering and focusing some. */
async function read(page: Page, path: string): Promise<Reading> {
  const reading: Reading = { requests: [], flight: [], scriptBytes: 0, inlineScriptBytes: 0 };
  const pending: Promise<void>[] = [];
  page.on('request', (request) => {
    reading.requests.push(request.url());
    pending.push(isFlightData(request).then((yes) => void (yes && reading.flight.push(request.url()))));
  });
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    // The bytes as they came over the wire, compressed.
    pending.push(request.sizes().then((sizes) => void (reading.scriptBytes += sizes.responseBodySize)));
  });
  await page.goto(path);
  const links = await page.locator('main a[href^="/"]').filter({ visible: true }).all();
  for (const link of links) await link.scrollIntoViewIfNeeded();
  for (const link of links.slice(0, 3)) {
    await link.hover();
    await link.focus();
  }
  // Next prefetches when the browser is idle; give anything of the kind ample time to.
  await page.waitForTimeout(1500);
  await Promise.all(pending);
  reading.inlineScriptBytes = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].reduce((sum, s) => sum + new Blob([s.textContent ?? '']).size, 0),
  );
  return reading;
}

/** Whether a request is the page itself or what every page needs: its stylesheet, its icons, its manifest. */
function isOwnResource(url: string, path: string): boolean {
  const { pathname, search } = new URL(url);
  if (pathname === path && search === '') return true;
  return /^\/_next\/static\/.+\.css$/.test(pathname) || /^\/(?:icon\.svg|apple-icon\.png|favicon\.ico|manifest\.webmanifest)$/.test(pathname);
}

test.describe('pages that are read weigh little', () => {
  for (const path of PAGES) {
    test(`${path}: at most 50 KB of script, and no request but for itself, its stylesheet and icons`, async ({ page }) => {
      const reading = await read(page, path);
      expect(reading.flight, 'requests for another page\'s data').toEqual([]);
      // Inline scripts counted uncompressed: an upper bound.
      expect(reading.scriptBytes + reading.inlineScriptBytes).toBeLessThanOrEqual(MAX_SCRIPT_BYTES);
      expect(reading.requests.filter((url) => !isOwnResource(url, path)), 'requests for anything else').toEqual([]);
    });
  }
});

test.describe('the chat weighs little', () => {
  test('/chat loads no script file, Next\'s or any, and its own inline scripts stay under 6 KB compressed', async ({ page }) => {
    const scripts: string[] = [];
    const requests: string[] = [];
    page.on('request', (request) => {
      requests.push(new URL(request.url()).pathname);
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto('/chat');
    await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
    await page.waitForTimeout(1500);
    expect(scripts, 'script files').toEqual([]);
    expect(requests.filter((path) => path.startsWith('/_next/static/chunks/') && !path.endsWith('.css')), 'Next\'s chunks').toEqual([]);
    // The page asks the server for nothing but its stylesheet and icons, and whether a chat is running.
    expect(requests.filter((path) => !isOwnResource(`http://x${path}`, '/chat') && path !== '/chat/api/samtale'), 'other requests').toEqual([]);
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''));
    expect(inline).toHaveLength(2);
    expect(gzipSync(inline.join('')).length).toBeLessThanOrEqual(6 * 1024);
  });
});

type Shift = { value: number; moved: string[] };

/**
 * The sum of the page's layout shifts so far, as the browser measures them (CLS), with what
 * moved and from where to where, so that a failure names the element.
 */
async function layoutShift(page: Page): Promise<Shift> {
  return page.evaluate(
    () =>
      new Promise<Shift>((resolve) => {
        const shift: Shift = { value: 0, moved: [] };
        type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
        const describe = (node: Node | null | undefined) =>
          node instanceof Element ? `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} class="${node.className}">${(node.textContent ?? '').slice(0, 40)}` : String(node?.nodeName);
        const box = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Source[] })[]) {
            if (entry.hadRecentInput) continue;
            shift.value += entry.value;
            for (const s of entry.sources) shift.moved.push(`${describe(s.node)} at ${Math.round(entry.startTime)} ms: ${box(s.previousRect)} -> ${box(s.currentRect)}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(shift), 300);
      }),
  );
}

test.describe('nothing moves once it is drawn', () => {
  test('an article, the chat, and a children\'s topic and start page with and without an age band chosen', async ({ page }) => {
    for (const path of [ARTICLE, '/chat', TOPIC, '/unge']) {
      await page.goto(path);
      await page.waitForLoadState('load');
      const shift = await layoutShift(page);
      expect(shift.value, `${path}, no band: ${shift.moved.join('; ')}`).toBe(0);
    }
    await page.getByRole('button', { name: '14–18 år', exact: true }).click();
    for (const path of [TOPIC, '/unge']) {
      await page.goto(path);
      await page.waitForLoadState('load');
      const shift = await layoutShift(page);
      expect(shift.value, `${path}, band chosen: ${shift.moved.join('; ')}`).toBe(0);
    }
    await expect(page.getByRole('button', { name: '14–18 år', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });
});

/**
 * A loopback stand-in between the browser and the app that sends `path`'s page in two parts,
 * the first ending at `cut()` bytes, with a pause between them long enough for the browser
 * to draw the first: what a slow line, or a parser pausing on a busy phone, does to a page.
 * Everything else is passed on as the app answers it.
 */
async function twoPartServer(appURL: string, path: string, cut: () => number) {
  const page = await (await fetch(new URL(path, appURL), { headers: { 'accept-encoding': 'identity' } })).text();
  const server = http.createServer((req, res) => {
    if (req.url === path) {
      const first = Buffer.from(page).subarray(0, cut());
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(first);
      setTimeout(() => res.end(Buffer.from(page).subarray(first.length)), 250);
      return;
    }
    void fetch(new URL(req.url ?? '/', appURL)).then(async (answer) => {
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { page, url: `http://127.0.0.1:${port}${path}`, close: () => new Promise((closed) => server.close(closed)) };
}

/** Byte offsets just after each closing tag from the <body> to the end of the first paragraph after the <h1>: the top of the page, where a move is seen. */
function cutsThroughTheTop(html: string): number[] {
  const bytes = (index: number) => Buffer.byteLength(html.slice(0, index));
  const from = html.indexOf('<body');
  const h1 = html.indexOf('</h1>', from);
  const to = html.indexOf('</p>', h1) + '</p>'.length;
  return [...html.slice(from, to).matchAll(/<\/[a-z0-9]+>/g)].map((m) => bytes(from + m.index + m[0].length));
}

test.describe('nothing moves when a page arrives in parts', () => {
  // The header's menu once sat at the right edge, placed by its own width: drawn before its
  // last links had come, it jumped left when they did (a layout shift of 0.0006 to 0.01).
  for (const [path, width] of [[ARTICLE, 1280], [ARTICLE, 390], ['/', 1280], [TOPIC, 1280], ['/unge', 390]] as const) {
    test(`${path} at ${width} px, drawn up to any tag of its top and then whole`, async ({ page, baseURL }) => {
      test.slow();
      await page.setViewportSize({ width, height: 800 });
      let at = 0;
      const stand = await twoPartServer(baseURL!, path, () => at);
      try {
        const moves: string[] = [];
        for (const cut of cutsThroughTheTop(stand.page)) {
          at = cut;
          await page.goto(stand.url);
          await page.waitForLoadState('load');
          const shift = await layoutShift(page);
          if (shift.value > 0) moves.push(`drawn up to byte ${cut}: ${shift.value.toFixed(5)} (${shift.moved.join('; ')})`);
        }
        expect(moves).toEqual([]);
      } finally {
        await stand.close();
      }
    });
  }
});
