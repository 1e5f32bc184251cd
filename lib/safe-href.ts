/**
 * Whether a link in our own Markdown (privacy statements, content) may become an `<a href>`.
 * Allowed: a path on this site (`/kontakt`), an in-page anchor (`#rettigheter`), `mailto:` and
 * `https:`. Anything a browser could read as another site is refused: protocol-relative
 * `//host`, and backslashes, which browsers treat as slashes (`/\host` is `//host`). Whitespace
 * and control characters are refused too, since URL parsers drop tabs and newlines
 * (`/<tab>/host` is `//host` as well). A path is finally parsed as a browser would, and must
 * stay on the same origin.
 */
export function safeHref(href: string): string | undefined {
  // Backslash, ASCII controls, space and DEL: a link never needs them unencoded.
  if (/[\\\u0000-\u0020\u007f]/.test(href)) return undefined;
  if (href.startsWith('#')) return href;
  if (href.startsWith('/')) {
    if (href.startsWith('//')) return undefined;
    return parse(href, SAME_SITE)?.origin === SAME_SITE.origin ? href : undefined;
  }
  const url = parse(href);
  if (url?.protocol === 'mailto:') return href;
  if (url?.protocol === 'https:' && /^https:\/\/[^/]/i.test(href) && url.hostname !== '') return href;
  return undefined;
}

/** A stand-in for this site's origin: only "is it still this origin" is asked of it. */
const SAME_SITE = new URL('https://this-site.invalid/');

function parse(href: string, base?: URL): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}
