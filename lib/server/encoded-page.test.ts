import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, encodePage, etagMatches } from '@/lib/server/encoded-page';

const html = `<!doctype html><p>${'Du er ikke alene. '.repeat(200)}</p>`;

describe('encoded page', () => {
  it('holds the same page in every encoding, under one tag for the finished bytes', async () => {
    const page = await encodePage(html);
    expect(page.identity.toString('utf8')).toBe(html);
    expect(zlib.gunzipSync(page.gzip).toString('utf8')).toBe(html);
    expect(zlib.brotliDecompressSync(page.br).toString('utf8')).toBe(html);
    expect(page.br.length).toBeLessThan(page.identity.length);
    expect(page.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect((await encodePage(html)).etag).toBe(page.etag);
    expect((await encodePage(`${html}!`)).etag).not.toBe(page.etag);
  });

  it('chooses brotli, then gzip, then none, as the browser allows', () => {
    expect(chooseEncoding('gzip, deflate, br', 5000)).toBe('br');
    expect(chooseEncoding('gzip, deflate', 5000)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', 5000)).toBe('gzip');
    expect(chooseEncoding('*', 5000)).toBe('br');
    expect(chooseEncoding('identity', 5000)).toBe('identity');
    expect(chooseEncoding(undefined, 5000)).toBe('identity');
    expect(chooseEncoding('br, gzip', 200)).toBe('identity');
  });

  it('matches If-None-Match tags, weak or strong', () => {
    expect(etagMatches('"a", "b"', '"b"')).toBe(true);
    expect(etagMatches('W/"b"', '"b"')).toBe(true);
    expect(etagMatches('*', '"b"')).toBe(true);
    expect(etagMatches('"c"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });
});
