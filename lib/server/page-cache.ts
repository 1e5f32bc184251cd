import type { OutgoingHttpHeaders } from 'node:http';
import { processWide } from '@/lib/process-wide';
import type { EncodedPage, Encoding } from '@/lib/server/encoded-page';

/**
 * A few seconds' memory of finished pages that are the same for every visitor: the ones Next
 * prerendered, and the public privacy and course pages, which are read from the database (a
 * course's seats left may show up to TTL_MS late; taking a seat is checked in the database). Under load,
 * one render serves everyone for TTL_MS; a published version reaches every instance within
 * that time, the same delay as the privacy notice. Nothing per visitor is ever stored: only
 * plain GET requests without a query, only complete 200 answers, never a page that sets a
 * cookie, and never a page rendered on demand outside the privacy and course pages.
 */
const TTL_MS = 10_000;
/** How long the nginx recipe may keep such a page (X-Accel-Expires): as long as we do. */
export const PROXY_CACHE_SECONDS = TTL_MS / 1000;
const CACHEABLE = /^\/personvern(?:\/versjoner(?:\/[1-9]\d{0,5})?|\/endringer)?$|^\/kurs(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
const MAX_ENTRIES = 200;

/**
 * `lines`: the header lines of each answer the page can be (in each encoding, or a 304), flat
 * as `writeHead` takes them, made once as the page is kept.
 */
export type CachedPage = { page: EncodedPage; lines: Record<Encoding | 'notModified', string[]>; at: number };

// One per process: our server keeps the pages, and a staff action (in Next's bundle, another
// copy of this module) must be able to forget them.
const store = () => processWide<Map<string, CachedPage>>('page-cache', () => new Map());

/**
 * `youngHost`: the request came to the children's own host name (UNGE_HOST), whose root is a
 * different page from the main site's root, so its pages are kept apart.
 */
export function cacheKey(
  method: string | undefined,
  url: string,
  headers: Record<string, unknown>,
  youngHost = false,
): string | undefined {
  if (method !== 'GET' || url.includes('?')) return undefined;
  // Client-side navigation asks for flight data, not HTML; that goes to Next as usual.
  if (headers['rsc'] !== undefined || headers['next-router-prefetch'] !== undefined) return undefined;
  return youngHost ? `unge|${url}` : url;
}

/**
 * A kept page is made again before it runs out, by one request, while every other request
 * is still answered from memory: otherwise every request arriving as it ran out would render
 * it at once (under load, fifty renders of the same page, and a p99 of hundreds of
 * milliseconds). From REFRESH_AFTER_MS the first request asking for it gets undefined and goes
 * to Next, whose page replaces the kept one; the others keep getting the kept page, never older
 * than TTL_MS. Should that render not give a page to keep, another request tries after
 * REFRESH_RETRY_MS.
 */
const REFRESH_AFTER_MS = TTL_MS - 2_000;
const REFRESH_RETRY_MS = 1_000;
const refreshing = () => processWide<Map<string, number>>('page-cache-refreshing', () => new Map());

export function cachedPage(key: string, now = Date.now()): CachedPage | undefined {
  const entries = store();
  const entry = entries.get(key);
  if (!entry) return undefined;
  const age = now - entry.at;
  if (age >= TTL_MS) {
    entries.delete(key);
    return undefined;
  }
  if (age >= REFRESH_AFTER_MS) {
    const started = refreshing().get(key);
    if (started === undefined || now - started >= REFRESH_RETRY_MS) {
      refreshing().set(key, now);
      return undefined;
    }
  }
  return entry;
}

/** Whether a finished page is the same for everyone and may be served from memory. */
export function sameForEveryone(key: string, status: number, headers: OutgoingHttpHeaders): boolean {
  const url = key.replace(/^unge\|/, '');
  if (status !== 200 || headers['set-cookie'] !== undefined || url.startsWith('/staff') || url.startsWith('/api/')) return false;
  return CACHEABLE.test(url) || headers['x-nextjs-prerender'] !== undefined;
}

export function rememberPage(key: string, page: EncodedPage, headers: OutgoingHttpHeaders, now = Date.now()): void {
  const entries = store();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const kept: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || /^(content-length|content-encoding|etag|date|connection|keep-alive|transfer-encoding|set-cookie)$/i.test(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) kept.push(name, String(one));
  }
  const tagged = [...kept, 'ETag', page.etag];
  const lines = {
    notModified: tagged,
    identity: [...tagged, 'Content-Length', String(page.identity.length)],
    gzip: [...tagged, 'Content-Encoding', 'gzip', 'Content-Length', String(page.gzip.length)],
    br: [...tagged, 'Content-Encoding', 'br', 'Content-Length', String(page.br.length)],
  };
  entries.set(key, { page, lines, at: now });
  refreshing().delete(key);
}

/**
 * Forgets the kept pages at `path` and below it, on either host: after staff change a course,
 * this instance shows the change at once; other instances within TTL_MS.
 */
export function forgetPages(path: string): void {
  const entries = store();
  for (const key of entries.keys()) {
    const url = key.replace(/^unge\|/, '');
    if (url === path || url.startsWith(`${path}/`)) {
      entries.delete(key);
      refreshing().delete(key);
    }
  }
}
