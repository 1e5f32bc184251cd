import fs from 'node:fs';
import path from 'node:path';

/**
 * Next 16 answers `notFound()` from a page rendered on demand with a 404 whose HTML is an
 * empty error document: the not-found content exists only in the page's flight data, so a
 * browser without JavaScript shows a blank page (vercel/next.js#98295). An address no route
 * knows is fine: Next prerendered that 404 page at build time. The server sends that page in
 * place of the empty one.
 */
export function isEmptyErrorDocument(html: string): boolean {
  return html.includes('<html id="__next_error__"');
}

/** The prerendered 404 page of the build in `dir`, read once; undefined when it cannot be read. */
export function prerenderedNotFound(dir: string): () => string | undefined {
  let page: string | undefined;
  return () => {
    if (page !== undefined) return page;
    try {
      page = fs.readFileSync(path.join(dir, '.next', 'server', 'app', '_not-found.html'), 'utf8');
    } catch {
      return undefined;
    }
    return page;
  };
}
