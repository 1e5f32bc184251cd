import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { appClientKeyer } from '@/lib/rate-limit/client-key';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';

/**
 * Checks made on every request before Next sees it.
 *
 * The client's address goes no further than this function: it becomes a keyed hash in
 * CLIENT_KEY_HEADER (for abuse limits), the forwarding headers that carry addresses are
 * removed, and the socket Next sees reports a stand-in address (Next copies the socket's
 * address into `X-Forwarded-For` when the header is missing). So no page, action, log or
 * table behind the server can ever hold one.
 */
const ADDRESS_HEADERS = [
  'x-forwarded-for',
  'x-real-ip',
  'forwarded',
  'cf-connecting-ip',
  'true-client-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'fastly-client-ip',
  'x-original-forwarded-for',
];
/** What a proxy says about the address the visitor asked for; meaningless (and untrusted) without one. */
const PROXY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];

/** The address every socket reports once the server has read the real one. */
export const STAND_IN_ADDRESS = '127.0.0.1';

const realPeer = new WeakMap<Socket, string>();

/** The socket's real address, read once; afterwards the socket itself only tells the stand-in. */
function takePeerAddress(socket: Socket): string {
  const known = realPeer.get(socket);
  if (known !== undefined) return known;
  const address = socket.remoteAddress ?? '';
  realPeer.set(socket, address);
  Object.defineProperties(socket, {
    remoteAddress: { value: STAND_IN_ADDRESS, configurable: true },
    remoteFamily: { value: 'IPv4', configurable: true },
    remotePort: { value: 0, configurable: true },
  });
  return address;
}

export function replaceClientAddress(req: IncomingMessage, trustProxyHops: number): void {
  let address = takePeerAddress(req.socket);
  if (trustProxyHops > 0) {
    const chain = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    address = chain[chain.length - trustProxyHops] ?? address;
  } else {
    for (const name of PROXY_HEADERS) delete req.headers[name];
  }
  for (const name of ADDRESS_HEADERS) delete req.headers[name];
  req.headers[CLIENT_KEY_HEADER] = appClientKeyer().keyFor(address);
}

/**
 * A state-changing request must come from our own pages: a foreign Origin is refused, and so
 * is a request without one that the browser marks as coming from another site. (A form sent
 * without JavaScript carries `Origin: null` because of our no-referrer policy; the browser's
 * Sec-Fetch-Site then tells where it came from. `Origin: null` without it is no browser of
 * ours vouching for anything, so it counts as another site.)
 */
export function isCrossSiteWrite(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return false;
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (origin === 'null') return site !== 'same-origin';
  if (origin) {
    try {
      return new URL(origin).host !== req.headers.host;
    } catch {
      return true;
    }
  }
  return site !== undefined && site !== 'same-origin';
}

/**
 * Our no-referrer policy makes browsers send `Origin: null` with a form posted without
 * JavaScript. Next refuses such a server action, so when the browser itself vouches that the
 * request comes from our own origin (Sec-Fetch-Site, which pages cannot set), the origin is
 * filled in. Anything else keeps its Origin and meets the checks above and Next's own.
 */
export function restoreSameOrigin(req: IncomingMessage): void {
  if (req.headers.origin === 'null' && req.headers['sec-fetch-site'] === 'same-origin' && req.headers.host) {
    const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
    req.headers.origin = `${proto}://${req.headers.host}`;
  }
}
