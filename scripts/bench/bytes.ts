import zlib from 'node:zlib';
import { decodeEntities } from './no-script-form';
import { getEncoded, HOST } from './net';

/**
 * What one page costs a first-time visitor on the wire: the HTML document and the JavaScript
 * files it names in `<script src>`, fetched from the app the way a current browser asks for
 * them (`accept-encoding: gzip, deflate, br`). Besides what the app actually sent (its choice
 * of encoding), every body is decoded and compressed here with gzip (zlib level 6, zlib's
 * default) and brotli (quality 11, brotli's default), so that pages compare with each other
 * whatever the server chooses to do.
 *
 * Scripts counted: external `<script src>` on the page's own origin, each file once, in any
 * order. Not counted (a modern browser does not run them, or they are not this site's): a
 * `nomodule` script, a `type` that is not JavaScript, another origin. Chunks that the page
 * loads later from JavaScript (a lazy import) are not in the HTML and so are not counted.
 */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br';

/** Sizes in bytes of the same content: decoded, and compressed in the bench process. */
export type Sizes = { raw: number; gzip: number; brotli: number };

type HtmlBytes = Sizes & {
  /** The document as the app sent it: the content-encoding it chose (`identity` for none) and the body's bytes. */
  served: { encoding: string; bytes: number };
};

type JsBytes = Sizes & {
  /** Distinct same-origin script files the page names. */
  files: number;
  /** The bodies as the app sent them, summed, and how many files came in each content-encoding. */
  served: { bytes: number; encodings: Record<string, number> };
  /** `<script src>` elements left out: `nomodule`, a type that is not JavaScript, another origin. */
  skipped: { nomodule: number; not_javascript: number; cross_origin: number };
  /** Scripts that could not be fetched or decoded (not in the sums). */
  errors?: string[];
};

export type PageBytes = {
  accept_encoding: string;
  html: HtmlBytes;
  js: JsBytes;
  /** HTML and JavaScript together. */
  total: Sizes & { served: number };
};

export type ScriptScan = { sources: string[]; skipped: JsBytes['skipped'] };

/** The attributes of a start tag's attribute text; the first of a repeated name wins, as in HTML. */
function attributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

const JAVASCRIPT_TYPE = /^(?:module|(?:text|application)\/(?:x-)?(?:javascript|ecmascript|jscript)|text\/(?:javascript1\.[0-5]|livescript))$/;

/**
 * The same-origin scripts `html` (served at `pageUrl`) makes a modern browser fetch: path and
 * query of each `<script src>`, once each, in document order. Comments and the text inside
 * script elements are skipped, so a `<script` inside an inline script's string does not count.
 */
export function scanScripts(html: string, pageUrl: URL): ScriptScan {
  const sources: string[] = [];
  const seen = new Set<string>();
  const skipped = { nomodule: 0, not_javascript: 0, cross_origin: 0 };
  const elements = /<!--[\s\S]*?-->|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?<\/script\s*>/gi;
  for (const m of html.matchAll(elements)) {
    if (m[0].startsWith('<!--')) continue;
    const attrs = attributes(m[1] ?? '');
    const src = attrs.get('src')?.trim();
    if (!src) continue;
    if (attrs.has('nomodule')) {
      skipped.nomodule += 1;
      continue;
    }
    const type = (attrs.get('type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== '' && !JAVASCRIPT_TYPE.test(type)) {
      skipped.not_javascript += 1;
      continue;
    }
    let url: URL;
    try {
      url = new URL(src, pageUrl);
    } catch {
      skipped.cross_origin += 1;
      continue;
    }
    if (url.origin !== pageUrl.origin) {
      skipped.cross_origin += 1;
      continue;
    }
    const local = `${url.pathname}${url.search}`;
    if (seen.has(local)) continue;
    seen.add(local);
    sources.push(local);
  }
  return { sources, skipped };
}

/** The body with its content-encoding undone (a list is undone from the last one applied). */
export function decodeBody(body: Buffer, contentEncoding: string): Buffer {
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let data = body;
  for (const coding of codings.reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') data = zlib.gunzipSync(data);
    else if (coding === 'br') data = zlib.brotliDecompressSync(data);
    else if (coding === 'deflate') {
      try {
        data = zlib.inflateSync(data);
      } catch {
        data = zlib.inflateRawSync(data); // Some servers send raw deflate under this name.
      }
    } else throw new Error(`unknown content-encoding ${coding}`);
  }
  return data;
}

export function sizes(content: Buffer): Sizes {
  return {
    raw: content.length,
    gzip: zlib.gzipSync(content, { level: 6 }).length,
    brotli: zlib.brotliCompressSync(content, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }).length,
  };
}

type Fetched = { encoding: string; served: number; content: Buffer };

/** GET as a browser asks for it; anything but 200 or a body that does not decode is an error. */
async function fetchEncoded(port: number, path: string): Promise<Fetched> {
  const res = await getEncoded(port, path, BROWSER_ACCEPT_ENCODING);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  const header = res.headers['content-encoding'];
  const encoding = (Array.isArray(header) ? header.join(', ') : header)?.trim() || 'identity';
  return { encoding, served: res.body.length, content: decodeBody(res.body, encoding) };
}

type ScriptBytes = Sizes & { encoding: string; served: number };

/**
 * Files under /_next/static/ carry a content hash in their name and never change, and pages
 * share most of them, so each is fetched and compressed once per run.
 */
const immutableScripts = new Map<string, ScriptBytes>();

async function measureScript(port: number, path: string): Promise<ScriptBytes> {
  const known = immutableScripts.get(path);
  if (known) return known;
  const fetched = await fetchEncoded(port, path);
  const result = { encoding: fetched.encoding, served: fetched.served, ...sizes(fetched.content) };
  if (path.startsWith('/_next/static/')) immutableScripts.set(path, result);
  return result;
}

/** The bytes of one page and its scripts; throws only when the page itself cannot be had. */
export async function measurePageBytes(port: number, path: string): Promise<PageBytes> {
  const page = await fetchEncoded(port, path);
  const html: HtmlBytes = { served: { encoding: page.encoding, bytes: page.served }, ...sizes(page.content) };

  const scan = scanScripts(page.content.toString('utf8'), new URL(path, `http://${HOST}:${port}`));
  const js: JsBytes = { files: 0, served: { bytes: 0, encodings: {} }, raw: 0, gzip: 0, brotli: 0, skipped: scan.skipped };
  const errors: string[] = [];
  for (const src of scan.sources) {
    try {
      const script = await measureScript(port, src);
      js.files += 1;
      js.served.bytes += script.served;
      js.served.encodings[script.encoding] = (js.served.encodings[script.encoding] ?? 0) + 1;
      js.raw += script.raw;
      js.gzip += script.gzip;
      js.brotli += script.brotli;
    } catch (err) {
      errors.push(`${src}: ${(err as Error).message}`);
    }
  }
  if (errors.length > 0) js.errors = errors;

  return {
    accept_encoding: BROWSER_ACCEPT_ENCODING,
    html,
    js,
    total: {
      served: html.served.bytes + js.served.bytes,
      raw: html.raw + js.raw,
      gzip: html.gzip + js.gzip,
      brotli: html.brotli + js.brotli,
    },
  };
}
