import { marked, type Token } from 'marked';
import { SECTION_SLUGS } from './schema';

/**
 * Internal links in content: which hrefs stay on this site, and whether each leads to a page.
 */

/** Top-level paths besides the section roots that content may link to. */
const STATIC_PATHS: readonly string[] = [
  '/',
  '/kontakt',
  '/unge',
  '/unge/brukeravtale',
  '/unge/skjul-besoket',
  '/unge/sok',
  '/sok',
  '/chat',
  '/personvern',
  '/kurs',
];

/**
 * The hrefs of all Markdown links in `markdown` that stay on this site: absolute paths (`/kontakt`)
 * and relative ones (`kontakt`, `../x`), which are always reported since pages move. External links
 * (`https:`, `mailto:`, `tel:` and other schemes), protocol-relative `//host` links and in-page
 * `#anchors` are skipped.
 */
export function internalLinks(markdown: string): string[] {
  const hrefs: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const token = value as Token;
    if (token.type === 'link' && typeof token.href === 'string') hrefs.push(token.href);
    if (token.type === 'html' && typeof token.text === 'string') {
      for (const m of token.text.matchAll(/<a\s[^>]*?href\s*=\s*["']([^"']*)["']/gi)) hrefs.push(m[1]!);
    }
    for (const key of ['tokens', 'items', 'header', 'rows'] as const) {
      if (key in token) visit((token as Record<string, unknown>)[key]);
    }
  };
  visit(marked.lexer(markdown));
  return hrefs.filter((href) => {
    const h = href.trim();
    return h !== '' && !h.startsWith('#') && !h.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(h);
  });
}

type LinkTargets = {
  /** Article slug → its sections, or undefined when they are unknown (any section is accepted). */
  articleSections: ReadonlyMap<string, readonly string[] | undefined>;
  topicSlugs: ReadonlySet<string>;
  knownTags: ReadonlySet<string>;
};

/** Why `href` does not lead to a page, or undefined when it does. */
export function checkLink(href: string, targets: LinkTargets): string | undefined {
  const raw = href.trim();
  if (!raw.startsWith('/')) return 'internal links must start with "/"';
  let pathname = raw.replace(/[?#].*$/, '');
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '');
  if (STATIC_PATHS.includes(pathname)) return undefined;
  const parts = pathname.slice(1).split('/');
  const [first = '', second, ...rest] = parts;
  if (rest.length > 0) return 'no page at this depth';
  if (SECTION_SLUGS.includes(first)) {
    if (second === undefined) return undefined;
    if (!targets.articleSections.has(second)) return `no article "${second}"`;
    const sectionsOfArticle = targets.articleSections.get(second);
    if (sectionsOfArticle && !sectionsOfArticle.includes(first)) {
      return `article "${second}" is not in section "${first}" (it is in ${sectionsOfArticle.join(', ')})`;
    }
    return undefined;
  }
  if (first === 'unge' && second !== undefined) {
    return targets.topicSlugs.has(second) ? undefined : `no young topic "${second}"`;
  }
  if (first === 'tema' && second !== undefined) {
    return targets.knownTags.has(second) ? undefined : `no tag "${second}"`;
  }
  return 'unknown path';
}
