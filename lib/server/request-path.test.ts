import { describe, expect, it } from 'vitest';
import { refusedPath } from './request-path';

describe('refusedPath', () => {
  it.each([
    '/',
    '/kontakt',
    '/unge/mobbing',
    '/s%C3%B8k',
    '/sok?q=%ZZ',
    '/sok?q=../../staff',
    '/_next/static/chunks/app/%5Bsection%5D/page-0a1b2c.js',
    '/_next/image?url=%2Fbilde.png&w=640&q=75',
    '/staff/henvendelser',
    '/.well-known/security.txt',
    '/a..b/c.',
  ])('lets %j through', (target) => {
    expect(refusedPath(target)).toBeUndefined();
  });

  it.each([
    ['broken percent-encoding', '/%ZZ'],
    ['a lone percent sign at the end', '/a%'],
    ['a cut-off UTF-8 sequence', '/%E0%A4%A'],
    ['an overlong UTF-8 dot', '/%C0%AE%C0%AE/staff'],
    ['the asterisk form', '*'],
    ['the absolute form', 'http://evil.example/staff/henvendelser'],
    ['no leading slash', 'staff'],
  ])('answers %s with 400', (_name, target) => {
    expect(refusedPath(target)).toBe(400);
  });

  it.each([
    ['dot-dot after /_next/', '/_next/../staff/henvendelser'],
    ['encoded dot-dot after /_next/', '/_next/%2e%2e/staff/henvendelser'],
    ['upper-case encoded dot-dot', '/_next/%2E%2E/staff/henvendelser'],
    ['half-encoded dot-dot', '/_next/.%2e/staff/henvendelser'],
    ['deeper dot-dots', '/_next/static/../../staff/henvendelser'],
    ['dot-dot after /unge/', '/unge/../staff'],
    ['dot-dot at the end', '/unge/..'],
    ['dot-dot with a query', '/unge/../staff?x=1'],
    ['a single dot', '/./staff'],
    ['an encoded single dot', '/%2e'],
    ['an encoded slash', '/_next/..%2fstaff/henvendelser'],
    ['an encoded slash alone', '/staff%2fhenvendelser'],
    ['a backslash', '/unge\\..\\staff'],
    ['an encoded backslash', '/unge%5c..%5cstaff'],
  ])('answers %s with 404', (_name, target) => {
    expect(refusedPath(target)).toBe(404);
  });
});
