import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href';

describe('safeHref', () => {
  it.each([
    '/kontakt',
    '/personvern/versjoner',
    '/s%C3%B8k?q=skole#treff',
    '/søk',
    '#rettigheter',
    'mailto:personvern@example.no',
    'https://www.datatilsynet.no/',
    'HTTPS://lovdata.no/lov/2018-06-15-38',
  ])('keeps %j', (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/x'],
    ['slash then backslash', '/\\evil.example/x'],
    ['two backslashes', '\\\\evil'],
    ['backslash then slash', '\\/evil.example'],
    ['one backslash', '\\evil.example'],
    ['a backslash later in the path', '/a\\b'],
    ['a tab that a parser drops', '/\t/evil.example'],
    ['a newline that a parser drops', '/\n/evil.example'],
    ['a leading space', ' //evil.example'],
    ['https: with a backslash', 'https:\\\\evil.example'],
    ['https: without slashes', 'https:evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['upper-case JavaScript:', 'JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http:', 'http://example.no/'],
    ['a relative path', 'kontakt'],
    ['empty', ''],
  ])('refuses %s', (_name, href) => {
    expect(safeHref(href)).toBeUndefined();
  });
});
