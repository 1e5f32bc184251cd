import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';

/** The only host the bench ever contacts. */
export const HOST = '127.0.0.1';

/** A port the OS reports free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** A UDP port the OS reports free on 127.0.0.1 right now. */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = dgram.createSocket('udp4');
    probe.once('error', reject);
    probe.bind(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export type Page = { status: number; body: Buffer };

/** One plain GET on 127.0.0.1 (uncompressed, no keep-alive), read to the end, with a time limit. */
export function getPage(port: number, path: string, timeoutMs = 10_000): Promise<Page> {
  return getEncoded(port, path, 'identity', timeoutMs);
}

export type EncodedPage = Page & { headers: http.IncomingHttpHeaders };

/**
 * One GET on 127.0.0.1 (no keep-alive) with the given `accept-encoding`, read to the end, with a
 * time limit. The body is left as it came over the wire (not decompressed), so its length is
 * the bytes transferred, headers and chunk framing aside.
 */
export function getEncoded(port: number, path: string, acceptEncoding: string, timeoutMs = 10_000): Promise<EncodedPage> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: HOST, port, path, agent: false, headers: { 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}
