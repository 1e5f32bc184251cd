import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * A finished page that is the same for every visitor, compressed once in each encoding a
 * browser may ask for, with an ETag over the finished bytes: the page cache then serves it as
 * it is, and a browser that already has it gets a 304 and no body. The ETag covers the page as
 * sent, privacy notice included, so a new notice is a new tag.
 */
export type EncodedPage = { etag: string; identity: Buffer; gzip: Buffer; br: Buffer };
export type Encoding = 'br' | 'gzip' | 'identity';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Below this size compression saves less than its headers cost. */
const MIN_COMPRESSED = 1024;

export async function encodePage(html: string): Promise<EncodedPage> {
  const identity = Buffer.from(html, 'utf8');
  // Quality 5 keeps most of brotli's gain over gzip at a small part of the time its default (11) takes.
  const [gz, br] = await Promise.all([
    gzip(identity),
    brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  return { etag, identity, gzip: gz, br };
}

/** Brotli before gzip before none, as the Accept-Encoding header allows (`;q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined, size: number): Encoding {
  if (size < MIN_COMPRESSED) return 'identity';
  // Browsers send few distinct headers: each one's answer is kept (a few dozen at most).
  const asked = acceptEncoding ?? '';
  let choice = choices.get(asked);
  if (choice === undefined) {
    if (choices.size >= MAX_CHOICES) choices.clear();
    choices.set(asked, (choice = preferred(asked)));
  }
  return choice;
}

const MAX_CHOICES = 64;
const choices = new Map<string, Encoding>();

function preferred(acceptEncoding: string): Encoding {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    if (!name) continue;
    const q = params.map((p) => /^q=([01](?:\.\d{0,3})?)$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const accepts = (name: string) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** Whether an If-None-Match header names this tag (weak or strong; `*` names any). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
