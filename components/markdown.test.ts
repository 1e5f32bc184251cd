import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('Markdown links', () => {
  it('links to a page on this site, to https: and to e-mail', () => {
    const html = render('Se [kontakt](/kontakt), [Datatilsynet](https://www.datatilsynet.no/) og [e-post](mailto:personvern@example.no).');
    expect(html).toContain('href="/kontakt"');
    expect(html).toContain('href="https://www.datatilsynet.no/"');
    expect(html).toContain('href="mailto:personvern@example.no"');
  });

  it.each([
    ['protocol-relative', '[Logg inn](//evil.example/x)'],
    ['slash then backslash', '[Logg inn](/\\evil.example/x)'],
    ['two backslashes', '[Logg inn](\\\\\\\\evil.example)'],
    ['tab inside angle brackets', '[Logg inn](</\t/evil.example>)'],
  ])('shows a link (%s) as plain text', (_name, source) => {
    const html = render(source);
    expect(html).toContain('Logg inn');
    expect(html).not.toContain('<a');
    expect(html).not.toContain('evil.example');
  });
});
