import { describe, expect, it, vi } from 'vitest';
import { encodePage } from '@/lib/server/encoded-page';
import { cachedPage, cacheKey, forgetPages, rememberPage, sameForEveryone } from '@/lib/server/page-cache';

describe('page cache', () => {
  it('looks up only plain GETs of a document', () => {
    expect(cacheKey('GET', '/personvern', {})).toBe('/personvern');
    expect(cacheKey('POST', '/personvern', {})).toBeUndefined();
    expect(cacheKey('GET', '/personvern?x=1', {})).toBeUndefined();
    expect(cacheKey('GET', '/personvern', { rsc: '1' })).toBeUndefined();
    // The children's host name has a root of its own: never the main site's cached root.
    expect(cacheKey('GET', '/', {}, true)).not.toBe(cacheKey('GET', '/', {}));
  });

  it('keeps only pages that are the same for everyone', () => {
    expect(sameForEveryone('/personvern', 200, {})).toBe(true);
    expect(sameForEveryone('/personvern/versjoner/3', 200, {})).toBe(true);
    expect(sameForEveryone('/personvern/endringer', 200, {})).toBe(true);
    expect(sameForEveryone('/kurs', 200, {})).toBe(true);
    expect(sameForEveryone('/kurs/snakke-med-barn-om-sykdom', 200, {})).toBe(true);
    // The sign-up form is never kept: it is a step of one person's errand.
    expect(sameForEveryone('/kurs/snakke-med-barn-om-sykdom/pamelding/0b7c1e9e-2f7a-4c55-9a3e-1d2f3a4b5c6d', 200, {})).toBe(false);
    expect(sameForEveryone('/kontakt', 200, { 'x-nextjs-prerender': '1' })).toBe(true);
    expect(sameForEveryone('/staff/henvendelser', 200, {})).toBe(false);
    expect(sameForEveryone(cacheKey('GET', '/staff/henvendelser', {}, true)!, 200, {})).toBe(false);
    expect(sameForEveryone(cacheKey('GET', '/', {}, true)!, 200, { 'x-nextjs-prerender': '1' })).toBe(true);
    expect(sameForEveryone('/personvern', 503, {})).toBe(false);
    expect(sameForEveryone('/personvern', 404, {})).toBe(false);
    expect(sameForEveryone('/kontakt', 200, { 'x-nextjs-prerender': '1', 'set-cookie': 'a=b' })).toBe(false);
  });

  it('forgets a page after ten seconds and never keeps cookies', async () => {
    const page = await encodePage(`<p>${'v1 '.repeat(400)}</p>`);
    rememberPage('/personvern', page, { 'content-type': 'text/html', 'set-cookie': 'a=b', 'content-length': '9', 'x-twice': ['a', 'b'] }, 1_000);
    const kept = cachedPage('/personvern', 5_000)!;
    expect(kept.lines.notModified).toEqual(['content-type', 'text/html', 'x-twice', 'a', 'x-twice', 'b', 'ETag', page.etag]);
    expect(kept.lines.gzip).toEqual([...kept.lines.notModified, 'Content-Encoding', 'gzip', 'Content-Length', String(page.gzip.length)]);
    expect(kept.lines.identity).toEqual([...kept.lines.notModified, 'Content-Length', String(page.identity.length)]);
    expect(cachedPage('/personvern', 11_000)).toBeUndefined();
  });

  it('has one request make a page again two seconds before it runs out, while the others are answered from memory', async () => {
    const page = await encodePage('<p>personvern</p>');
    rememberPage('/personvern/endringer', page, {}, 0);
    expect(cachedPage('/personvern/endringer', 7_999)).toBeDefined();
    // The first request from eight seconds on goes to Next; the others still get the kept page.
    expect(cachedPage('/personvern/endringer', 8_000)).toBeUndefined();
    expect(cachedPage('/personvern/endringer', 8_001)).toBeDefined();
    expect(cachedPage('/personvern/endringer', 8_999)).toBeDefined();
    // That render gave no page to keep: a second later another request tries.
    expect(cachedPage('/personvern/endringer', 9_000)).toBeUndefined();
    expect(cachedPage('/personvern/endringer', 9_001)).toBeDefined();
    // Never older than ten seconds, whatever happens.
    expect(cachedPage('/personvern/endringer', 10_000)).toBeUndefined();
    expect(cachedPage('/personvern/endringer', 10_001)).toBeUndefined();
    // A page made again starts afresh.
    rememberPage('/personvern/endringer', page, {}, 9_500);
    expect(cachedPage('/personvern/endringer', 17_000)).toBeDefined();
    forgetPages('/personvern/endringer');
  });

  it('forgets the course pages at once when staff change a course, also through another copy of the module', async () => {
    const page = await encodePage('<p>kurs</p>');
    for (const key of ['/kurs', '/kurs/et-kurs', 'unge|/kurs', '/kursene', '/personvern']) rememberPage(key, page, {}, 1_000);
    vi.resetModules();
    const other = await import('@/lib/server/page-cache');
    other.forgetPages('/kurs');
    expect(['/kurs', '/kurs/et-kurs', 'unge|/kurs', '/kursene', '/personvern'].map((k) => cachedPage(k, 2_000) !== undefined)).toEqual([false, false, false, true, true]);
    forgetPages('/kursene');
    expect(cachedPage('/kursene', 2_000)).toBeUndefined();
  });
});
