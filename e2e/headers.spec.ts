import type { APIResponse } from '@playwright/test';
import { expect, test } from '../test/fixtures';
import { directives } from '../test/csp';

function assertSecurityHeaders(response: APIResponse) {
  const h = response.headers();
  const hsts = /max-age=(\d+)/.exec(h['strict-transport-security'] ?? '');
  expect(Number(hsts?.[1]), 'HSTS max-age').toBeGreaterThanOrEqual(31_536_000);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) {
    expect(h['permissions-policy']).toContain(feature);
  }
  const csp = directives(h['content-security-policy'] ?? '');
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  for (const source of scripts) expect(source, 'script sources stay on our origin').toMatch(/^'(self|none|nonce-[A-Za-z0-9+/=]{16,}|sha256-[A-Za-z0-9+/=]+)'$/);
  expect(h['x-powered-by']).toBeUndefined();
}

test.describe('security headers', () => {
  test('a public page carries every security header, also when it comes from memory or as a 304', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    assertSecurityHeaders(response);
    // Kept in memory for ten seconds, the page is answered before any other handling: the same headers.
    const again = await request.get('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(again.headers()['etag']).toBe(response.headers()['etag']);
    assertSecurityHeaders(again);
    expect(again.headers()['content-security-policy']).toBe(response.headers()['content-security-policy']);
    expect(again.headers()['cache-control']).toBe('private, no-cache');
    const notModified = await request.get('/', { headers: { 'if-none-match': response.headers()['etag']! } });
    expect(notModified.status()).toBe(304);
    assertSecurityHeaders(notModified);
  });

  test('the 404 page carries every security header', async ({ request }) => {
    const response = await request.get('/finnes-ikke');
    expect(response.status()).toBe(404);
    assertSecurityHeaders(response);
  });

  test('a dynamic page and a script file carry them too', async ({ request }) => {
    assertSecurityHeaders(await request.get('/personvern'));
    // Staff pages keep Next's scripts (the public pages have none).
    const signIn = await (await request.get('/staff/logg-inn')).text();
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(signIn)?.[1];
    expect(script).toBeTruthy();
    assertSecurityHeaders(await request.get(script!));
  });

  test('each inline script on a page is covered by a hash in the policy, and only those', async ({ request }) => {
    const { createHash } = await import('node:crypto');
    // A prerendered page with Next's scripts (the 404 page), a children's page with its island, the chat with both islands, and pages with no script at all.
    for (const [path, scripts] of [['/finnes-ikke', 'some'], ['/kontakt', 'none'], ['/unge/nar-noen-dor', 1], ['/chat', 2], ['/', 'none'], ['/sok?q=sykdom', 'none']] as const) {
      const response = await request.get(path);
      const html = await response.text();
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((s) => s.trim());
      if (scripts === 'none') expect(inline, path).toEqual([]);
      else if (typeof scripts === 'number') expect(inline, path).toHaveLength(scripts);
      else expect(inline.length, path).toBeGreaterThan(0);
      const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`).sort();
      const sources = directives(response.headers()['content-security-policy']!).get('script-src') ?? [];
      expect(sources.filter((s) => s.startsWith("'sha256-")).sort(), path).toEqual([...new Set(hashes)]);
      expect(sources.filter((s) => s.startsWith("'nonce-")), path).toEqual([]);
    }
  });

  test('a page rendered for this request keeps the nonce proxy.ts gave it: every inline script carries it, and it is new each time', async ({ request }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      // The staff's sign-in page is rendered for each request, with Next's scripts.
      const response = await request.get('/staff/logg-inn');
      expect(response.status()).toBe(200);
      const nonce = (directives(response.headers()['content-security-policy']!).get('script-src') ?? [])
        .map((s) => /^'nonce-(.+)'$/.exec(s)?.[1])
        .find(Boolean);
      expect(nonce, 'the policy names a nonce').toBeTruthy();
      const html = await response.text();
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)((?:\s[^>]*)?)>([\s\S]*?)<\/script>/g)].filter((m) => m[2]!.trim());
      expect(inline.length).toBeGreaterThan(0);
      for (const [, attributes] of inline) expect(attributes, 'an inline script without the nonce').toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test('a page the same for everyone comes compressed, with an ETag, and as a 304 once the browser has it', async ({ request }) => {
    const first = await request.get('/kontakt', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(first.status()).toBe(200);
    expect(first.headers()['content-encoding']).toBe('br');
    expect(await first.text()).toContain('Kontakt oss');
    const etag = first.headers()['etag'];
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    const gzipped = await request.get('/kontakt', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers()['content-encoding']).toBe('gzip');
    expect(gzipped.headers()['etag']).toBe(etag);

    const again = await request.get('/kontakt', { headers: { 'if-none-match': etag! } });
    expect(again.status()).toBe(304);
    expect(again.headers()['etag']).toBe(etag);
    expect((await again.body()).length).toBe(0);

    const other = await request.get('/kontakt', { headers: { 'if-none-match': '"not-this-one"' } });
    expect(other.status()).toBe(200);
  });

  test('a staff page gets no ETag and is never answered from a cache', async ({ request }) => {
    const response = await request.get('/staff/logg-inn');
    expect(response.headers()['etag']).toBeUndefined();
    expect(response.headers()['cache-control']).toBe('private, no-store');
  });
});
