import net from 'node:net';
import { HOST } from './net';

/**
 * A counting relay between an app instance and PostgreSQL, for the benchmark only: the
 * instance's DATABASE_URL names this relay, which passes every byte through unchanged and
 * counts the statements the instance asks the server to run. A statement is a simple-protocol
 * `Query` message or an extended-protocol `Execute` message; a transaction's BEGIN and COMMIT
 * are statements too. Counting on the wire sees every connection of the instance (its pool,
 * its LISTEN connection, the purge), whatever code path sent it, so nothing in the app has to
 * help.
 *
 * Frontend messages after start-up are a type byte and a 4-byte big-endian length that counts
 * itself; the start-up message and an SSL or GSS encryption request have no type byte.
 */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const QUERY = 0x51; // 'Q'
const EXECUTE = 0x45; // 'E'

export type PgCounter = {
  port: number;
  /** Statements counted so far on every connection. */
  statements: () => number;
  /** Connections opened through the relay so far. */
  connections: () => number;
  close: () => Promise<void>;
};

/** Starts the relay on 127.0.0.1 in front of the PostgreSQL server at `target`. */
export function startPgCounter(target: { host: string; port: number }): Promise<PgCounter> {
  let statements = 0;
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect({ host: target.host, port: target.port });
    sockets.add(client).add(upstream);
    let pending: Buffer = Buffer.alloc(0);
    let startup = true;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (startup) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          startup = code === SSL_REQUEST || code === GSSENC_REQUEST;
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < length + 1) break;
        const type = pending[0];
        if (type === QUERY || type === EXECUTE) statements++;
        pending = pending.subarray(length + 1);
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        statements: () => statements,
        connections: () => connections,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** `url` with its host and port replaced by the relay's, so the instance connects through it. */
export function throughCounter(url: string, counter: PgCounter): string {
  const u = new URL(url);
  u.hostname = HOST;
  u.port = String(counter.port);
  return u.toString();
}
