import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * For the "no client address" checks: a client whose address the test knows and can search
 * for. The app under test runs with TRUST_PROXY_HOPS=1, so a forwarded address is taken as the
 * client's, and a request without one is keyed on the socket: this proxy makes the browser's
 * requests leave from a second loopback address, which then appears nowhere else.
 */
export const SECOND_ADDRESS = '127.0.0.2';

export type LoopbackProxy = { server: string; requests: () => number; close: () => Promise<void> };

/** A plain HTTP forward proxy on 127.0.0.1 that connects onward from `localAddress`. */
export async function startLoopbackProxy(localAddress = SECOND_ADDRESS): Promise<LoopbackProxy> {
  let requests = 0;
  const proxy = http.createServer((req, res) => {
    requests++;
    const target = new URL(req.url ?? '/');
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const onward = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers, localAddress, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    onward.on('error', () => res.destroy());
    res.on('close', () => onward.destroy());
    req.pipe(onward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

export type SmtpRecorder = { url: string; mails: () => string[]; close: () => Promise<void> };

/** An SMTP server on 127.0.0.1 that accepts everything and keeps every message as sent. */
export async function startSmtpRecorder(): Promise<SmtpRecorder> {
  const mails: string[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(`${JSON.stringify(session.envelope)}\n${Buffer.concat(chunks).toString('utf8')}`);
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const s = server.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
  });
  return { url: `smtp://127.0.0.1:${port}`, mails: () => [...mails], close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
