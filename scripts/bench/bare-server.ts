import http from 'node:http';
import { freePort, HOST } from './net';

export type BareServer = { port: number; close: () => Promise<void> };

/**
 * The floor to compare against: a bare `node:http` server in the bench process that answers
 * `path` with fixed bytes (the app's own page) and does nothing else.
 */
export async function startBareServer(path: string, html: Buffer): Promise<BareServer> {
  const server = http.createServer((req, res) => {
    if (req.url !== path) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': html.length });
    res.end(html);
  });
  server.keepAliveTimeout = 30_000;
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { port, close };
}
