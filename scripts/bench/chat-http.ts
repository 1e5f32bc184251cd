import http from 'node:http';
import { HOST } from './net';

/** Plain HTTP for the chat benchmark: JSON requests with cookies, and an SSE reader. */

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request on 127.0.0.1, read to the end, with a time limit. */
export function request(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  { body, cookie, headers = {}, agent, timeoutMs = 30_000 }: { body?: string; cookie?: string; headers?: Record<string, string>; agent?: http.Agent; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const all: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'identity', ...headers };
    if (cookie) all.cookie = cookie;
    if (body !== undefined) {
      all['content-type'] ??= 'application/json';
      all['content-length'] = String(Buffer.byteLength(body));
    }
    const req = http.request({ host: HOST, port, method, path, headers: all, agent: agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** `name=value` pairs from a response's Set-Cookie headers (attributes dropped). */
export function cookiesFrom(reply: Reply): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of reply.headers['set-cookie'] ?? []) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** A stream the server would not open, with the status it answered. */
export class StreamRefused extends Error {
  constructor(readonly status: number) {
    super(`the stream answered HTTP ${status}`);
  }
}

export type SseEvent = { event: string; id: string | undefined; data: string };

export type SseStream = {
  /** Resolves with the first event (from now on, or already seen) that `match` accepts. */
  waitFor: (match: (e: SseEvent) => boolean, timeoutMs: number) => Promise<SseEvent>;
  /** True while the response is still open. */
  open: () => boolean;
  close: () => void;
};

/**
 * An EventSource without a browser: GET with the cookie, the body split into events as the
 * spec says (blank line ends an event; `event:`, `id:`, `data:` fields; `:` comments skipped).
 * Every event goes to `onEvent` the moment its blank line arrives. No reconnection: a stream
 * that ends is reported through `onEnd`, and the benchmark counts it.
 */
export function openSse(
  port: number,
  path: string,
  cookie: string,
  { onEvent, onEnd }: { onEvent: (e: SseEvent) => void; onEnd: (reason: string) => void },
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const seen: SseEvent[] = [];
    const waiters = new Set<{ match: (e: SseEvent) => boolean; done: (e: SseEvent) => void }>();
    let isOpen = false;
    let ended = false;
    const end = (reason: string) => {
      if (ended) return;
      ended = true;
      isOpen = false;
      onEnd(reason);
    };
    const req = http.get(
      { host: HOST, port, path, agent: false, headers: { accept: 'text/event-stream', 'accept-encoding': 'identity', cookie } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new StreamRefused(res.statusCode ?? 0));
          return;
        }
        isOpen = true;
        // Held open for as long as the benchmark wants it: no idle limit on this socket.
        req.setTimeout(0);
        res.setEncoding('utf8');
        let buffer = '';
        let event: SseEvent = { event: 'message', id: undefined, data: '' };
        let hasData = false;
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let nl: number;
          while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
            if (line === '') {
              if (hasData) {
                const done = { ...event, data: event.data.replace(/\n$/, '') };
                seen.push(done);
                if (seen.length > 16) seen.shift();
                onEvent(done);
                for (const w of waiters) if (w.match(done)) w.done(done);
              }
              event = { event: 'message', id: event.id, data: '' };
              hasData = false;
              continue;
            }
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event.event = value;
            else if (field === 'id') event.id = value;
            else if (field === 'data') {
              event.data += `${value}\n`;
              hasData = true;
            }
          }
        });
        res.on('end', () => end('the server ended the stream'));
        res.on('error', (err) => end(err.message));
        res.on('close', () => end('the connection closed'));
        resolve({
          waitFor: (match, timeoutMs) =>
            new Promise((ok, fail) => {
              const already = seen.find(match);
              if (already) return ok(already);
              const waiter = {
                match,
                done: (e: SseEvent) => {
                  clearTimeout(timer);
                  waiters.delete(waiter);
                  ok(e);
                },
              };
              const timer = setTimeout(() => {
                waiters.delete(waiter);
                fail(new Error(`no such event within ${timeoutMs} ms`));
              }, timeoutMs);
              waiters.add(waiter);
            }),
          open: () => isOpen,
          close: () => {
            ended = true;
            isOpen = false;
            req.destroy();
          },
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30000 ms')));
    req.on('error', (err) => {
      reject(err);
      end(err.message);
    });
  });
}
