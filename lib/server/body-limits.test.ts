import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTH_BODY_LIMIT, bodyRule, holdChunkedBody, ROUTE_HANDLER_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT } from '@/lib/server/body-limits';

describe('bodyRule', () => {
  it('gives chat handlers a JSON-only limit, Auth.js its own, and every other write the server-action limit', () => {
    expect(bodyRule({ method: 'POST', url: '/chat/api/meldinger' })).toEqual({ limit: ROUTE_HANDLER_BODY_LIMIT, json: true });
    expect(bodyRule({ method: 'POST', url: '/staff/chat/api/handling?x=1' })).toEqual({ limit: ROUTE_HANDLER_BODY_LIMIT, json: true });
    expect(bodyRule({ method: 'POST', url: '/api/auth/callback/credentials' })).toEqual({ limit: AUTH_BODY_LIMIT, json: false });
    expect(bodyRule({ method: 'POST', url: '/kontakt' })).toEqual({ limit: SERVER_ACTION_BODY_LIMIT, json: false });
    expect(bodyRule({ method: 'PUT', url: '/staff/journal/x/innsyn' })).toEqual({ limit: SERVER_ACTION_BODY_LIMIT, json: false });
    expect(bodyRule({ method: 'GET', url: '/chat/api/hendelser' })).toBeUndefined();
  });
});

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that holds chunked bodies to `limit`, then reads what was released (as Next would). */
async function holdingServer(limit: number) {
  const outcomes: { within: boolean; body?: string }[] = [];
  server = http.createServer((req, res) => {
    void holdChunkedBody(req, limit).then((within) => {
      if (!within) {
        outcomes.push({ within });
        res.setHeader('Connection', 'close');
        res.once('finish', () => {
          req.socket.end();
          setTimeout(() => req.socket.destroy(), 1000).unref();
        });
        res.statusCode = 413;
        res.end();
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        outcomes.push({ within, body: Buffer.concat(chunks).toString('utf8') });
        res.end('ok');
      });
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, outcomes };
}

function sendChunks(port: number, chunks: Buffer[], keepWriting = false): Promise<number> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent: false }, (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const write = () => {
      for (const c of chunks) req.write(c);
      if (keepWriting && !answered && !req.destroyed) setTimeout(write, 1);
      else req.end();
    };
    write();
  });
}

describe('holdChunkedBody', () => {
  it('releases a body within the limit whole and in order', async () => {
    const { port, outcomes } = await holdingServer(1024);
    expect(await sendChunks(port, [Buffer.from('{"a":'), Buffer.from('"æøå"}')])).toBe(200);
    expect(outcomes).toEqual([{ within: true, body: '{"a":"æøå"}' }]);
  });

  it('refuses as soon as the count passes the limit, while the client is still sending', async () => {
    const { port, outcomes } = await holdingServer(1024);
    const started = Date.now();
    expect(await sendChunks(port, [Buffer.alloc(600)], true)).toBe(413);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcomes).toEqual([{ within: false }]);
  });
});
