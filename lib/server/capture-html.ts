import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Lets the server finish an HTML response itself: while Next writes a page, the bytes are
 * held back; at the end `finish` gets the whole page and the status and may change both.
 * Anything that is not HTML (script files, flight data, event streams) passes straight through.
 */
export type Finish = (page: { html: string; status: number }) => Promise<{ body: string | Buffer; status: number }>;

type WriteHeadArgs = Parameters<ServerResponse['writeHead']>;

export function captureHtml(res: ServerResponse<IncomingMessage>, finish: Finish, onError: (err: unknown) => void): void {
  const realWrite = res.write.bind(res) as (...a: unknown[]) => boolean;
  const realEnd = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  const realWriteHead = res.writeHead.bind(res) as (...a: WriteHeadArgs) => ServerResponse;
  const realFlush = res.flushHeaders.bind(res);
  let mode: 'open' | 'html' | 'pass' = 'open';
  const chunks: Buffer[] = [];

  // Set while the finished page is sent: Node's own end() calls writeHead(), which must then
  // go through. (The patched methods stay in place: Next's compression layer wraps them too.)
  let finishing = false;
  const decide = () => {
    if (mode !== 'open') return;
    const type = String(res.getHeader('content-type') ?? '');
    mode = type.startsWith('text/html') ? 'html' : 'pass';
  };
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk == null) return;
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    // Fold the head into setHeader calls so it can still be changed until the end.
    res.statusCode = status;
    const headers = rest.find((r) => r && typeof r === 'object');
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v as string);
    }
    decide();
    if (mode === 'pass' || finishing) return realWriteHead(status);
    return res;
  }) as ServerResponse['writeHead'];

  res.flushHeaders = () => {
    decide();
    if (mode === 'pass') realFlush();
  };

  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    decide();
    if (mode === 'pass') return realWrite(chunk, encoding, cb);
    collect(chunk, encoding);
    const callback = typeof encoding === 'function' ? encoding : cb;
    if (typeof callback === 'function') process.nextTick(callback as () => void);
    return true;
  }) as ServerResponse['write'];

  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    decide();
    if (mode === 'pass') return realEnd(chunk, encoding, cb);
    if (typeof chunk !== 'function') collect(chunk, encoding);
    const html = Buffer.concat(chunks).toString('utf8');
    finish({ html, status: res.statusCode })
      .then(({ body, status }) => {
        finishing = true;
        res.statusCode = status;
        res.removeHeader('transfer-encoding');
        if (status === 304) {
          // Not modified: no body, and no length of one.
          res.removeHeader('Content-Length');
          realEnd();
          return;
        }
        res.setHeader('Content-Length', Buffer.byteLength(body));
        realEnd(res.req?.method === 'HEAD' ? undefined : body);
      })
      .catch(onError);
    return res;
  }) as ServerResponse['end'];
}
