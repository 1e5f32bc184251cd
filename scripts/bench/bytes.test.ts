import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody, scanScripts, sizes } from './bytes';

const page = new URL('http://127.0.0.1:4000/unge/nar-noen-dor');

describe('scanScripts', () => {
  it('lists same-origin script files once each, in document order', () => {
    const html = [
      '<head><script src="/_next/static/chunks/a.js" async=""></script>',
      "<script src='b.js?v=1&amp;x=2'></script>",
      '<script src="http://127.0.0.1:4000/_next/static/chunks/a.js"></script>',
      '<script type="module" src="/m.js"></script>',
      '<script type="text/javascript; charset=utf-8" src="/t.js"></script></head>',
    ].join('');
    expect(scanScripts(html, page)).toEqual({
      sources: ['/_next/static/chunks/a.js', '/unge/b.js?v=1&x=2', '/m.js', '/t.js'],
      skipped: { nomodule: 0, not_javascript: 0, cross_origin: 0 },
    });
  });

  it('leaves out inline scripts, comments, nomodule, other types and other origins', () => {
    const html = [
      '<script>self.__next_f.push([1,"<script src=\\"/inside-a-string.js\\"></script>"])</script>',
      '<!-- <script src="/commented-out.js"></script> -->',
      '<script src="/polyfills.js" noModule=""></script>',
      '<script type="application/ld+json" src="/data.json"></script>',
      '<script src="https://cdn.example.org/x.js"></script>',
      '<script src="//127.0.0.1:5000/other-port.js"></script>',
      '<script src=""></script>',
      '<SCRIPT SRC="/upper.js"></SCRIPT>',
    ].join('\n');
    expect(scanScripts(html, page)).toEqual({
      sources: ['/upper.js'],
      skipped: { nomodule: 1, not_javascript: 1, cross_origin: 2 },
    });
  });

  it('reads an attribute value that holds a ">"', () => {
    expect(scanScripts('<script data-x="a>b" src="/c.js"></script>', page).sources).toEqual(['/c.js']);
  });
});

describe('decodeBody and sizes', () => {
  const text = Buffer.from('<p>Hei</p>'.repeat(200));

  it('undoes gzip, br, deflate and identity', () => {
    expect(decodeBody(zlib.gzipSync(text), 'gzip')).toEqual(text);
    expect(decodeBody(zlib.brotliCompressSync(text), 'br')).toEqual(text);
    expect(decodeBody(zlib.deflateSync(text), 'deflate')).toEqual(text);
    expect(decodeBody(zlib.deflateRawSync(text), 'deflate')).toEqual(text);
    expect(decodeBody(text, 'identity')).toEqual(text);
    expect(() => decodeBody(text, 'zstd')).toThrow(/unknown content-encoding/);
  });

  it('reports the raw size and smaller compressed ones', () => {
    const s = sizes(text);
    expect(s.raw).toBe(text.length);
    expect(s.gzip).toBeGreaterThan(0);
    expect(s.gzip).toBeLessThan(s.raw);
    expect(s.brotli).toBeLessThan(s.raw);
  });
});
