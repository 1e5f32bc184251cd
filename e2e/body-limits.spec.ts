import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '../test/fixtures';

/**
 * Bodies are judged by the HTTP server before Next parses anything: a 50 MB body to any route
 * handler, to Auth.js's credentials callback or to a server action is refused with 413 within
 * a second, whether its length is declared or it comes in chunks, and the server's memory
 * (its resident set, read from /proc) grows by less than 20 MB meanwhile.
 */
const MB = 1024 * 1024;
const BODY = 50 * MB;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/** Every route handler in app/, as the URL a client would use (route groups dropped, ids filled in). */
function routeHandlerPaths(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') found.push(path.relative('app', dir));
    }
  };
  walk('app');
  return found.map(
    (dir) =>
      `/${dir
        .split(path.sep)
        .filter((part) => !/^\(.*\)$/.test(part))
        .map((part) => (part === '[...nextauth]' ? 'callback/credentials' : /^\[.*\]$/.test(part) ? '00000000-0000-4000-8000-000000000000' : part))
        .join('/')}`,
  );
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

type Sent = { status: number; ms: number; body: string };

/**
 * Sends up to 50 MB (declared, or in chunks) over a plain socket, reading the answer while it
 * writes, and stops writing as soon as an answer comes. The server closes the connection
 * while the rest is still on its way; errors from that are expected once it has answered.
 */
function sendLarge(baseURL: string, urlPath: string, { chunked, contentType, headers = {} }: { chunked: boolean; contentType: string; headers?: Record<string, string> }): Promise<Sent> {
  const url = new URL(urlPath, baseURL);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    let answer = '';
    let answeredAt = 0;
    const finish = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      const body = answer.split('\r\n\r\n').slice(1).join('\r\n\r\n');
      if (status) resolve({ status, ms: answeredAt - started, body });
      else reject(new Error(`no answer from ${urlPath}`));
    };
    socket.on('data', (d: Buffer) => {
      answeredAt ||= Date.now();
      answer += d.toString('utf8');
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
    const head = [
      `POST ${url.pathname} HTTP/1.1`,
      `Host: ${url.host}`,
      `Content-Type: ${contentType}`,
      chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${BODY}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      '',
      '',
    ].join('\r\n');
    socket.write(head);
    const frame = chunked ? Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')]) : CHUNK;
    let sent = 0;
    const write = () => {
      while (!answeredAt && sent < BODY && !socket.destroyed) {
        sent += CHUNK.length;
        if (!socket.write(frame)) {
          socket.once('drain', write);
          return;
        }
      }
      if (!answeredAt && !socket.destroyed && chunked) socket.write('0\r\n\r\n');
    };
    write();
    // An answer that does not close the connection is still an answer.
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

test.describe('request bodies', () => {
  test.setTimeout(120_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'the server, not the database, refuses these');
  });

  test('50 MB to every route handler, to the sign-in callback and to a server action: 413 in under a second, memory flat', async ({ startOwnApp }) => {
    const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0', CHAT_HOURS: 'alltid' });
    const targets = routeHandlerPaths();
    expect(targets).toEqual(expect.arrayContaining(['/chat/api/meldinger', '/api/auth/callback/credentials', '/staff/chat/api/handling']));
    const cases = [
      ...targets.map((p) => ({ path: p, contentType: p.startsWith('/api/auth') ? 'application/x-www-form-urlencoded' : 'application/json', headers: {} })),
      // A server action, as a form without JavaScript would send it.
      { path: '/kontakt', contentType: 'multipart/form-data; boundary=x', headers: { 'next-action': '0'.repeat(42) } },
    ];
    const refuseAll = async () => {
      for (const c of cases) {
        for (const chunked of [false, true]) {
          const r = await sendLarge(app.baseURL, c.path, { chunked, contentType: c.contentType, headers: c.headers });
          expect(r.status, `${c.path} (${chunked ? 'chunked' : 'declared'})`).toBe(413);
          expect(r.body).toContain('Forespørselen var for stor, og ble avvist.');
          expect(r.ms, `${c.path} (${chunked ? 'chunked' : 'declared'}) answered in ${r.ms} ms`).toBeLessThan(1000);
        }
      }
    };
    // A first round warms the server up: code loaded on first use and the heap's working space for
    // this traffic are not growth. The second round must then leave the server where it was:
    // were the bodies read, it would grow by 50 MB a request.
    await refuseAll();
    const before = rssBytes(app.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(app.pid))), 20);
    try {
      await refuseAll();
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssBytes(app.pid));
    expect(peak - before, `the server grew from ${Math.round(before / MB)} MB to ${Math.round(peak / MB)} MB`).toBeLessThan(20 * MB);
  });

  test('chat handlers take JSON only as application/json, and Origin: null needs the browser to vouch for it', async ({ startOwnApp }) => {
    const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0', CHAT_HOURS: 'alltid' });
    const post = (p: string, headers: Record<string, string>) =>
      fetch(new URL(p, app.baseURL), { method: 'POST', headers, body: JSON.stringify({ tekst: 'hei' }) });
    const asText = await post('/chat/api/meldinger', { 'content-type': 'text/plain' });
    expect(asText.status).toBe(415);
    expect(await asText.text()).toBe('Forespørselen må sendes som JSON.');
    const nullOrigin = await post('/chat/api/samtale', { 'content-type': 'application/json', origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const vouched = await post('/chat/api/samtale', { 'content-type': 'application/json', origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(vouched.status).not.toBe(403);
    // A small JSON body still reaches the handler (no chat cookie: it says so, it is not refused here).
    const small = await post('/chat/api/meldinger', { 'content-type': 'application/json; charset=utf-8' });
    expect([401, 403, 404, 409]).toContain(small.status);
  });
});
