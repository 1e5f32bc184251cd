import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { appClientKeyer } from '@/lib/rate-limit/client-key';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';
import { replaceClientAddress, STAND_IN_ADDRESS } from '@/lib/server/request-guards';

/**
 * What Next is handed, seen from a real socket: a client on 127.0.0.2 (a second loopback
 * address) sends forwarding headers; after the guard, neither the headers nor the socket
 * tell that address or the forwarded one, and Next's own fallback (copy the socket's address
 * into X-Forwarded-For) finds only the stand-in.
 */
type Seen = { headers: http.IncomingHttpHeaders; socketAddress: string | undefined; nextFallback: string | undefined };

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function seenBehindGuard(hops: number, headers: Record<string, string>, requests = 1): Promise<Seen[]> {
  const seen: Seen[] = [];
  server = http.createServer((req, res) => {
    replaceClientAddress(req, hops);
    // Next: req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress
    const nextFallback = (req.headers['x-forwarded-for'] as string | undefined) ?? req.socket.remoteAddress;
    seen.push({ headers: { ...req.headers }, socketAddress: req.socket.remoteAddress, nextFallback });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < requests; i++) {
    await new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', localAddress: '127.0.0.2', headers, agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
  }
  agent.destroy();
  return seen;
}

const FORWARDING = {
  'x-forwarded-for': '198.51.100.4, 203.0.113.9',
  'x-real-ip': '203.0.113.9',
  forwarded: 'for=203.0.113.9',
  'x-forwarded-host': 'Ola Nordmann',
  'x-forwarded-proto': 'https',
};

describe('replaceClientAddress', () => {
  it('leaves no client address in the headers or on the socket, on every request of a kept-alive connection @claim:ingen-ip', async () => {
    const seen = await seenBehindGuard(0, FORWARDING, 2);
    expect(seen).toHaveLength(2);
    for (const s of seen) {
      const text = JSON.stringify(s);
      for (const needle of ['127.0.0.2', '203.0.113.9', '198.51.100.4', 'Ola Nordmann']) expect(text).not.toContain(needle);
      expect(s.socketAddress).toBe(STAND_IN_ADDRESS);
      expect(s.nextFallback).toBe(STAND_IN_ADDRESS);
      // Without a proxy to trust, the key is the socket's real address.
      expect(s.headers[CLIENT_KEY_HEADER]).toBe(appClientKeyer().keyFor('127.0.0.2'));
    }
  });

  it('with one trusted proxy, keys on the last forwarded address and still passes none of them on', async () => {
    const [s] = await seenBehindGuard(1, FORWARDING);
    expect(s!.headers[CLIENT_KEY_HEADER]).toBe(appClientKeyer().keyFor('203.0.113.9'));
    const text = JSON.stringify(s);
    for (const needle of ['127.0.0.2', '203.0.113.9', '198.51.100.4']) expect(text).not.toContain(needle);
    expect(s!.socketAddress).toBe(STAND_IN_ADDRESS);
  });

  it('with one trusted proxy and no forwarding header, keys on the socket address', async () => {
    const [s] = await seenBehindGuard(1, {});
    expect(s!.headers[CLIENT_KEY_HEADER]).toBe(appClientKeyer().keyFor('127.0.0.2'));
    expect(JSON.stringify(s)).not.toContain('127.0.0.2');
  });
});
