import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import next from 'next';
import { pingDatabase } from '@/db/client';
import { log } from '@/lib/log';
import { env } from '@/lib/env';
import { bodyRule, declaredTooLarge, hasBody, holdBody, holdChunkedBody, isJson, NOT_JSON_MESSAGE, TOO_LARGE_MESSAGE } from '@/lib/server/body-limits';
import { captureHtml } from '@/lib/server/capture-html';
import { chooseEncoding, encodePage, etagMatches, type EncodedPage } from '@/lib/server/encoded-page';
import { isCrossSiteWrite, replaceClientAddress, restoreSameOrigin } from '@/lib/server/request-guards';
import { cachedPage, cacheKey, PROXY_CACHE_SECONDS, rememberPage, sameForEveryone, type CachedPage } from '@/lib/server/page-cache';
import { contentFreeConsole } from '@/lib/server/content-free-console';
import { inlineScriptHashes, sha256Source } from '@/lib/security/inline-scripts';
import { isEmptyErrorDocument, prerenderedNotFound } from '@/lib/server/not-found-page';
import { currentNotice, insertNotice } from '@/lib/server/privacy-notice';
import {
  chatIslandScript,
  isChatDocument,
  isDocumentPath,
  islandScripts,
  isYoungDocument,
  withChatIsland,
  withoutFrameworkScripts,
  withYoungIsland,
  youngIslandScript,
} from '@/lib/server/document-pages';
import { refusedPath, sendRefusedPath } from '@/lib/server/request-path';
import { isPlainContactPost, receiptFrames, receivedHere } from '@/lib/server/contact-post';
import { inFrame } from '@/lib/server/page-frames';
import { searchFrames, searchRequest, type SearchBodies } from '@/lib/server/search-page';
import { documentCsp, isPrivatePath, isStaffPath, resourceCsp, securityHeaders, STAFF_CACHE_CONTROL } from '@/lib/security/headers';
import { unavailablePage } from '@/lib/server/unavailable';
import { countPage, countsProxyLines } from '@/lib/server/visit-counting';
import { isYoungHost } from '@/lib/young-host';

const gzip = promisify(zlib.gzip);

/**
 * The app's HTTP server: Next's request handler, plus what Next cannot do — the keyed client
 * hash and body limits before Next reads a request, the CSP of each prerendered page narrowed
 * to the hashes of its scripts (a page rendered now keeps the nonce proxy.ts gave it), the
 * privacy notice on every page, a few seconds' cache of the pages that are the same for everyone (compressed beforehand in brotli and gzip, with an ETag and
 * 304s), and a calm 503 page instead of an error when the database is away. The security
 * headers themselves come from next.config.ts and proxy.ts; this sets the same values.
 */
/**
 * How the middles of the pages made in a frame are rendered (page-frames.ts): each search
 * page's body, and the contact form's receipt. Without them those pages all come from Next.
 */
export type PageBodies = { search: SearchBodies; receipt: (reference: string) => string };

export async function createAppServer({ dev, dir = process.cwd(), bodies }: { dev: boolean; dir?: string; bodies?: PageBodies }) {
  if (!dev) contentFreeConsole();
  // Next fetches its own pages after an action's redirect: at the address we listen on, never
  // its default of localhost:3000.
  const { PORT, HOST } = env();
  const app = next({ dev, dir, hostname: fetchableHost(HOST), port: PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    if (!answeredFromMemory(req, res)) admit(req, res, respond);
  });
  const notFoundPage = prerenderedNotFound(dir);
  const searches = searchFrames();
  const receipts = bodies && receiptFrames(bodies.receipt);

  function respond(req: IncomingMessage, res: ServerResponse): void {
    restoreSameOrigin(req);
    const url = req.url ?? '/';
    if (isPrivatePath(url)) res.setHeader('Cache-Control', STAFF_CACHE_CONTROL);
    if (url.startsWith('/_next/') || url.startsWith('/favicon')) {
      res.setHeader('Content-Security-Policy', resourceCsp);
      handle(req, res).catch((err: unknown) => fail(res, err));
      return;
    }
    // Documents are finished (hashed, notice added, compressed) here, so Next must send them
    // plain and whole; conditional requests are answered here, with a tag over the finished page.
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const asked: Conditional = { acceptEncoding: req.headers['accept-encoding'], ifNoneMatch: req.headers['if-none-match'] };
    delete req.headers['accept-encoding'];
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];
    res.setHeader('Content-Security-Policy', resourceCsp);
    const youngHost = isYoungHost(req.headers.host, env().UNGE_HOST);
    // Every HTML page leaves through one of the two answers below, which count it.
    const counted = <T extends { status: number }>(answer: T): T => {
      countPage(req, answer.status, youngHost);
      return answer;
    };
    const key = cacheKey(req.method, url, req.headers, youngHost);
    const pathname = url.split('?')[0]!;
    const form: PageForm = isChatDocument(pathname)
      ? 'chat-document'
      : isYoungDocument(pathname, youngHost)
        ? 'young-document'
        : isDocumentPath(pathname, youngHost)
          ? 'document'
          : 'app';
    // A page made here in Next's frame (page-frames.ts): finished like the page Next would send.
    const sendFramed = (html: string) =>
      completePage(res, { html, status: 200 }, form, dev)
        .then(async (done) => {
          const body = await encode(req, res, done.html, acceptsGzip);
          res.statusCode = counted(done).status;
          res.setHeader('Content-Length', Buffer.byteLength(body));
          res.end(body);
        })
        .catch((err: unknown) => fail(res, err));
    const search = bodies && searchRequest(req.method, url, req.headers, youngHost, bodies.search);
    const framed = search && searches.page(search);
    if (framed !== undefined) {
      void sendFramed(framed);
      return;
    }
    const contactReceipts = receipts && isPlainContactPost(req, youngHost) ? receipts : undefined;
    const receiptFrame = contactReceipts?.current();
    const viaNext = () => {
      captureHtml(
        res,
        async (page) => {
          const found = withNotFoundPage(page, url, notFoundPage);
          const formed = { html: documentForm(found.html, form), status: found.status };
          if (search && formed.status === 200) searches.learn(search, formed.html);
          if (contactReceipts && formed.status === 200) contactReceipts.learn(formed.html);
          const done = await completePage(res, formed, form, dev);
          if (key && done.noticeKnown && sameForEveryone(key, done.status, res.getHeaders())) {
            const encoded = await encodePage(done.html);
            // Behind the nginx recipe, which counts what it answers itself: nginx may keep this
            // page as long as we do. nginx takes the header off; browsers still check every time.
            if (countsProxyLines()) res.setHeader('X-Accel-Expires', String(PROXY_CACHE_SECONDS));
            rememberPage(key, encoded, res.getHeaders());
            return counted(chooseBody(res, encoded, asked));
          }
          return counted({ body: await encode(req, res, done.html, acceptsGzip), status: done.status });
        },
        (err) => fail(res, err),
      );
      handle(req, res).catch((err: unknown) => fail(res, err));
    };
    if (!contactReceipts || !receiptFrame) {
      viaNext();
      return;
    }
    // The contact form (contact-post.ts): stored here with its receipt in the frame, or, for
    // anything but the plain case, handed to Next with its body as it came.
    void holdBody(req).then(async (held) => {
      if (!held) return;
      const received = await receivedHere(req, held.body()).catch(() => undefined);
      if (received) return sendFramed(inFrame(receiptFrame, contactReceipts.receipt(received.reference)));
      held.release();
      viaNext();
    });
  }
  // Development's hot reload talks over a WebSocket.
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
  }
  // Keep-alive longer than typical load-balancer idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  return { server, app };
}

/**
 * A page kept in memory (page-cache.ts) is answered before anything else: it is what the
 * checks in `admit` passed when it was kept (the key is the exact address, and only a plain GET
 * without a body is answered here), and what it needs per request (client address, Next) it
 * does not need. Returns false for every other request.
 */
function answeredFromMemory(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) return false;
  const youngHost = isYoungHost(req.headers.host, env().UNGE_HOST);
  const key = cacheKey(req.method, req.url ?? '/', req.headers, youngHost);
  const hit = key ? cachedPage(key) : undefined;
  if (!hit) return false;
  countPage(req, sendCached(res, hit, req.headers['accept-encoding'], req.headers['if-none-match']), youngHost);
  return true;
}

/**
 * A public page's empty 404 document becomes the prerendered 404 page, which reads the same
 * with or without JavaScript. Staff pages keep their own (staff browsers run the scripts that
 * show the staff frame's message).
 */
function withNotFoundPage(page: { html: string; status: number }, url: string, notFoundPage: () => string | undefined) {
  if (page.status !== 404 || isStaffPath(url) || !isEmptyErrorDocument(page.html)) return page;
  const html = notFoundPage();
  return html ? { html, status: 404 } : page;
}

/**
 * How a page is sent: as Next rendered it (`app`), or as a document without Next's scripts,
 * with the children's island for their pages and the chat, and the chat's own island for the
 * chat (lib/server/document-pages.ts).
 */
type PageForm = 'app' | 'document' | 'young-document' | 'chat-document';

/** React escapes `"` in text, so this occurs only inside a tag. */
const NONCE_ATTRIBUTE = / nonce="[^"]*"/g;

/** A page's scripts as its form says: Next's, or none but the islands of a document. */
function documentForm(html: string, form: PageForm): string {
  if (form === 'app') return html;
  // A document's policy names no nonce (its scripts are gone), so the nonce Next put on its
  // stylesheet links means nothing: out with it, so no page carries one that another got too.
  let formed = withoutFrameworkScripts(html).replace(NONCE_ATTRIBUTE, '');
  if (form === 'young-document' || form === 'chat-document') formed = withYoungIsland(formed, youngIslandScript());
  if (form === 'chat-document') formed = withChatIsland(formed, chatIslandScript());
  return formed;
}

/** The page as it leaves the server (its scripts already as its form says): outage page if need be, notice, CSP for its scripts. */
async function completePage(res: ServerResponse, page: { html: string; status: number }, form: PageForm, dev: boolean) {
  let { html, status } = page;
  let noticeKnown = true;
  if (status >= 500 && !(await pingDatabase())) {
    status = 503;
    html = unavailablePage();
    res.setHeader('Retry-After', '30');
    log.warn('http.database_unavailable');
  } else {
    const notice = await currentNotice();
    noticeKnown = notice !== undefined;
    html = insertNotice(html, notice);
  }
  // A document's scripts are gone, the nonce's with them: its policy names the hash of what is left.
  const nonced = form === 'app' ? renderedWithNonce(res, html) : undefined;
  res.setHeader('Content-Security-Policy', nonced ?? hashPolicy(html, status, dev));
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // The page holds a notice of the moment: browsers revalidate, shared caches keep nothing.
  // Staff pages are never stored at all.
  res.setHeader('Cache-Control', isPrivatePath(res.req?.url ?? '') ? STAFF_CACHE_CONTROL : 'private, no-cache');
  res.removeHeader('ETag');
  res.setHeader('Vary', 'Accept-Encoding');
  return { html, status, noticeKnown };
}

/**
 * The policy proxy.ts gave a page Next rendered for this request: its scripts carry the
 * policy's nonce, so the policy stands as it is (hashing them all would cost a fifth of a
 * millisecond a page for an equally strict result). Undefined for a prerendered page, whose
 * scripts carry no nonce, and for a page replaced here.
 */
function renderedWithNonce(res: ServerResponse, html: string): string | undefined {
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy !== 'string') return undefined;
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  return nonce && html.includes(`nonce="${nonce}"`) ? policy : undefined;
}

/** A policy naming the hash of each inline script in the finished page, and nothing else inline. */
function hashPolicy(html: string, status: number, dev: boolean): string {
  const { hashes, refused } = inlineScriptHashes(html, islandScripts());
  if (refused > 0 && !dev) log.warn('csp.inline_script_refused', { count: refused });
  const styleHashes = status === 503 ? [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256Source(m[1] ?? '')) : [];
  const csp = documentCsp({ scriptHashes: hashes, dev });
  return styleHashes.length ? csp.replace("style-src 'self'", `style-src 'self' ${styleHashes.map((h) => `'${h}'`).join(' ')}`) : csp;
}

/**
 * The checks every request passes before Next sees it: refused paths, the client address,
 * cross-site writes, and a body's size and type. `pass` is called for a request that passes.
 */
function admit(req: IncomingMessage, res: ServerResponse, pass: (req: IncomingMessage, res: ServerResponse) => void): void {
  // The same headers next.config.ts gives Next's answers, for the answers written here.
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  const refusal = refusedPath(req.url ?? '/');
  if (refusal) {
    sendRefusedPath(res, refusal, req.method);
    return;
  }
  replaceClientAddress(req, env().TRUST_PROXY_HOPS);
  if (isCrossSiteWrite(req)) {
    refuse(res, 403, 'Forespørselen kom fra et annet nettsted, og ble avvist.');
    return;
  }
  // A body's size and type are settled here, before Next reads a byte of it.
  const rule = bodyRule(req);
  if (rule?.json && hasBody(req) && !isJson(req)) {
    refuseBody(req, res, 415, NOT_JSON_MESSAGE);
    return;
  }
  if (rule && declaredTooLarge(req, rule.limit)) {
    refuseBody(req, res, 413, TOO_LARGE_MESSAGE);
    return;
  }
  if (rule && req.headers['content-length'] === undefined && hasBody(req)) {
    void holdChunkedBody(req, rule.limit).then((within) => (within ? pass(req, res) : refuseBody(req, res, 413, TOO_LARGE_MESSAGE)));
    return;
  }
  pass(req, res);
}

async function encode(req: IncomingMessage, res: ServerResponse, html: string, acceptsGzip: boolean): Promise<string | Buffer> {
  if (acceptsGzip && html.length > 1024 && req.method !== 'HEAD') {
    res.setHeader('Content-Encoding', 'gzip');
    return gzip(html);
  }
  return html;
}

/**
 * A page the same for everyone, compressed beforehand: a 304 when the browser already holds
 * this version, else its bytes in the best encoding the browser accepts.
 */
function chooseBody(res: ServerResponse, page: EncodedPage, asked: Conditional): { body: Buffer; status: number } {
  res.setHeader('ETag', page.etag);
  if (etagMatches(asked.ifNoneMatch, page.etag)) return { body: Buffer.alloc(0), status: 304 };
  const encoding = chooseEncoding(asked.acceptEncoding, page.identity.length);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  return { body: page[encoding], status: 200 };
}

/**
 * Sends a page from the page cache, with the header lines kept with it for this answer (one
 * call, nothing to merge or check per request); returns the status sent.
 */
function sendCached(res: ServerResponse, cached: CachedPage, acceptEncoding: string | undefined, ifNoneMatch: string | undefined): number {
  if (etagMatches(ifNoneMatch, cached.page.etag)) {
    res.writeHead(304, cached.lines.notModified);
    res.end();
    return 304;
  }
  const encoding = chooseEncoding(acceptEncoding, cached.page.identity.length);
  res.writeHead(200, cached.lines[encoding]);
  res.end(cached.page[encoding]);
  return 200;
}

/** What the browser asked about a page's encoding and the version it holds. */
type Conditional = { acceptEncoding: string | undefined; ifNoneMatch: string | undefined };

/** A wildcard listening address is reached over loopback. */
const fetchableHost = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host);

function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Security-Policy', resourceCsp);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(message);
}

/**
 * Refused before the body is parsed. The connection then closes: our side at once (FIN), and
 * the whole socket after a second, whatever the client still sends; what arrives meanwhile is
 * left unread in the kernel (a lingering close, as nginx does). Closing outright while the client is
 * still sending would reset the connection, and the reset can take the answer with it, so the
 * response does not say `Connection: close` (Node would then close it outright).
 */
const LINGER_MS = 1000;

function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  const socket = req.socket;
  if (res.headersSent || res.destroyed) {
    socket.destroy();
    return;
  }
  res.once('finish', () => {
    socket.end();
    // Node would read on to discard the rest; left unread, it waits in the kernel instead.
    socket.pause();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
  refuse(res, status, message);
}

function fail(res: ServerResponse, err: unknown): void {
  log.error('http.unhandled', { name: err instanceof Error ? err.name : 'unknown' });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = unavailablePage();
  res.statusCode = 503;
  res.removeHeader('Content-Encoding');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
  res.setHeader('Content-Length', Buffer.byteLength(body));
  // The prototype's methods, not the capturing ones captureHtml may have put on this response.
  http.ServerResponse.prototype.writeHead.call(res, 503);
  (http.ServerResponse.prototype.end as (this: ServerResponse, body: string) => ServerResponse).call(res, body);
}
