import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSse, type SseEvent } from './chat-http';

/** A server that writes the given pieces one by one, then waits for `finish`. */
async function sseServer(pieces: string[]): Promise<{ port: number; finish: () => void; close: () => Promise<void>; cookie: () => string | undefined }> {
  let response: http.ServerResponse | undefined;
  let cookie: string | undefined;
  const server = http.createServer((req, res) => {
    cookie = req.headers.cookie;
    response = res;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let i = 0;
    const next = () => {
      if (i < pieces.length) {
        res.write(pieces[i++]);
        setTimeout(next, 5);
      }
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    finish: () => response?.end(),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    cookie: () => cookie,
  };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('openSse', () => {
  it('splits events however the bytes arrive, skips comments and keeps the last id', async () => {
    const server = await sseServer([
      'retry: 2000\n\n',
      'event: tilstand\ndata: {"status":"venter"}\n\n: \n\n',
      'event: melding\nid: 1\nda',
      'ta: {"tekst":"a"}\r\n\r\nevent: melding\nid: 2\ndata: line one\ndata: line two\n\n',
      'data: no name\n\n',
    ]);
    cleanup = server.close;
    const events: SseEvent[] = [];
    let ended = '';
    const stream = await openSse(server.port, '/x', 'hl_chat=abc', { onEvent: (e) => events.push(e), onEnd: (reason) => (ended = reason) });
    await stream.waitFor((e) => e.data === 'no name', 2_000);
    expect(server.cookie()).toBe('hl_chat=abc');
    expect(events).toEqual([
      { event: 'tilstand', id: undefined, data: '{"status":"venter"}' },
      { event: 'melding', id: '1', data: '{"tekst":"a"}' },
      { event: 'melding', id: '2', data: 'line one\nline two' },
      { event: 'message', id: '2', data: 'no name' },
    ]);
    expect(stream.open()).toBe(true);
    server.finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stream.open()).toBe(false);
    expect(ended).not.toBe('');
  });

  it('finds an event seen before it was asked for, and times out on one that never comes', async () => {
    const server = await sseServer(['event: tilstand\ndata: {"status":"aktiv"}\n\n']);
    cleanup = server.close;
    const stream = await openSse(server.port, '/x', '', { onEvent: () => {}, onEnd: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(stream.waitFor((e) => e.event === 'tilstand', 100)).resolves.toMatchObject({ data: '{"status":"aktiv"}' });
    await expect(stream.waitFor((e) => e.event === 'melding', 100)).rejects.toThrow('no such event');
    stream.close();
  });
});
