import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { SECTION_SLUGS } from '@/lib/content/schema';
import { DISALLOWED_PREFIXES, isDisallowed } from './crawl-rules';

/**
 * Holds robots.txt to the route table: every page and handler under app/ is found on disk, so
 * a new staff page, handler or search page that the rules miss fails here.
 */
type Route = { url: string; kind: 'page' | 'handler' };

function routes(dir: string, segments: string[] = []): Route[] {
  const found: Route[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (entry.isDirectory()) {
      if (name.startsWith('_')) continue; // private folders hold components, not routes
      const segment = /^\(.*\)$/.test(name) ? [] : [name.replace(/^\[+\.*([^\]]+)\]+$/, 'eksempel')];
      found.push(...routes(path.join(dir, name), [...segments, ...segment]));
    } else if (/^(page|route)\.tsx?$/.test(name)) {
      found.push({ url: `/${segments.join('/')}`, kind: name.startsWith('page') ? 'page' : 'handler' });
    }
  }
  return found;
}

const table = routes(path.join(process.cwd(), 'app'));
/** Handlers that are meant for anyone, crawlers included. */
const PUBLIC_HANDLERS = ['/security.txt'];

describe('robots.txt rules against the route table', () => {
  it('finds the routes it is about', () => {
    expect(table.some((r) => r.url === '/staff/henvendelser')).toBe(true);
    expect(table.some((r) => r.url === '/chat/api/meldinger' && r.kind === 'handler')).toBe(true);
  });

  it('keeps crawlers off every staff page and every route handler', () => {
    for (const route of table) {
      if (route.url.startsWith('/staff') || (route.kind === 'handler' && !PUBLIC_HANDLERS.includes(route.url))) {
        expect(isDisallowed(route.url), route.url).toBe(true);
      }
    }
  });

  it('keeps crawlers off search results on both sites', () => {
    const searches = table.filter((r) => r.url.split('/').at(-1) === 'sok');
    expect(searches.map((r) => r.url).sort()).toEqual(['/sok', '/unge/sok']);
    for (const r of searches) {
      expect(isDisallowed(r.url)).toBe(true);
      expect(isDisallowed(`${r.url}?q=angst`)).toBe(true);
    }
  });

  it('hides no public page', () => {
    const content = loadContent();
    const publicPaths = [
      ...table.filter((r) => r.kind === 'page' && !r.url.startsWith('/staff') && r.url.split('/').at(-1) !== 'sok').map((r) => r.url),
      ...PUBLIC_HANDLERS,
      ...SECTION_SLUGS.map((s) => `/${s}`),
      ...content.articles.flatMap((a) => a.sections.map((s) => `/${s}/${a.slug}`)),
      ...content.youngTopics.map((t) => `/unge/${t.slug}`),
      ...content.tags.map((t) => `/tema/${t.slug}`),
    ];
    expect(publicPaths.length).toBeGreaterThan(20);
    for (const url of publicPaths) expect(isDisallowed(url), url).toBe(false);
  });

  it('writes each rule as a path prefix', () => {
    for (const prefix of DISALLOWED_PREFIXES) expect(prefix).toMatch(/^\/[a-z/]+$/);
  });
});
