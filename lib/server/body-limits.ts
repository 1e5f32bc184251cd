import type { IncomingMessage } from 'node:http';

/**
 * How many bytes a request body may have, decided by the HTTP server before Next reads a byte.
 * No dependencies: next.config.ts reads the server-action limit from here, so Next's own
 * parser and ours agree.
 *
 * - Route handlers under /chat/api and /staff/chat/api take one chat message as JSON; the
 *   longest allowed message, escaped, is far below 32 KiB. So does a payment webhook from Vipps
 *   (/api/vipps/webhook), a few hundred bytes.
 * - Auth.js (/api/auth) takes a form with e-mail, password, code and its CSRF token.
 * - Server actions: the largest form is a privacy statement (100,000 characters).
 */
export const ROUTE_HANDLER_BODY_LIMIT = 32 * 1024;
export const AUTH_BODY_LIMIT = 8 * 1024;
export const SERVER_ACTION_BODY_LIMIT = 512 * 1024;

export const TOO_LARGE_MESSAGE = 'Forespørselen var for stor, og ble avvist.';
export const NOT_JSON_MESSAGE = 'Forespørselen må sendes som JSON.';

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isRouteHandlerPath = (path: string) => path.startsWith('/chat/api/') || path.startsWith('/staff/chat/api/') || path === '/api/vipps/webhook';
const isAuthPath = (path: string) => path === '/api/auth' || path.startsWith('/api/auth/');

export type BodyRule = { limit: number; json: boolean };

/** The rule for this request's body, or undefined for a method that carries none. */
export function bodyRule(req: Pick<IncomingMessage, 'method' | 'url'>): BodyRule | undefined {
  if (BODYLESS.has(req.method ?? 'GET')) return undefined;
  const path = (req.url ?? '/').split('?')[0]!;
  if (isRouteHandlerPath(path)) return { limit: ROUTE_HANDLER_BODY_LIMIT, json: true };
  if (isAuthPath(path)) return { limit: AUTH_BODY_LIMIT, json: false };
  return { limit: SERVER_ACTION_BODY_LIMIT, json: false };
}

/** Whether the request says it carries a body at all (a length above zero, or chunks). */
export function hasBody(req: Pick<IncomingMessage, 'headers'>): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

/** `application/json`, with or without parameters such as charset. */
export function isJson(req: Pick<IncomingMessage, 'headers'>): boolean {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/** A declared length over the limit: refused without reading the body. */
export function declaredTooLarge(req: Pick<IncomingMessage, 'headers'>, limit: number): boolean {
  const length = req.headers['content-length'];
  return length !== undefined && !(Number(length) <= limit);
}

/** A body held back from the request stream: all of it, and a way to hand it on to the request. */
export type HeldBody = { body: () => Buffer; release: () => void };

/**
 * A request's body held back from the request stream as it arrives, and counted, until it has
 * ended: then `body()` is all of it, and `release` hands the very same bytes on to the request
 * (for Next to read). Undefined, having stopped reading, as soon as the count passes `limit`
 * (at most `limit` bytes are ever held), or when the client goes away first.
 */
export function holdBody(req: IncomingMessage, limit = Infinity): Promise<HeldBody | undefined> {
  return new Promise((resolve) => {
    const held: Buffer[] = [];
    let size = 0;
    let state: 'holding' | 'ended' | 'refused' = 'holding';
    const realPush = req.push.bind(req);
    req.push = (chunk: unknown, encoding?: BufferEncoding) => {
      // Refused: whatever is still on its way is dropped, and the parser is asked to stop.
      if (state === 'refused') return false;
      if (chunk === null) {
        state = 'ended';
        req.push = realPush;
        resolve({
          body: () => Buffer.concat(held),
          release: () => {
            for (const part of held) realPush(part);
            realPush(null);
          },
        });
        return true;
      }
      const part = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), encoding);
      size += part.length;
      if (size > limit) {
        state = 'refused';
        held.length = 0;
        resolve(undefined);
        return false;
      }
      held.push(part);
      return true;
    };
    req.once('close', () => {
      if (state !== 'holding') return;
      state = 'refused';
      resolve(undefined);
    });
  });
}

/**
 * A body without a declared length (sent in chunks) is held back until it has ended within the
 * limit, and then released to the request; false as soon as it passes the limit. (A body with
 * a declared length within the limit needs none of this: Node's parser never reads past the
 * declared length.)
 */
export async function holdChunkedBody(req: IncomingMessage, limit: number): Promise<boolean> {
  const held = await holdBody(req, limit);
  held?.release();
  return held !== undefined;
}
