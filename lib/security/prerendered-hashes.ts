import fs from 'node:fs';
import path from 'node:path';
import { inlineScriptHashes } from '@/lib/security/inline-scripts';

/**
 * The CSP hashes of the inline scripts in the pages `next build` prerendered, read from the
 * build output (`prerender-manifest.json` and the HTML beside it) the first time a page is
 * asked for. Next sends these pages as they were built, with no nonce in them, so their
 * policy must name the hashes of exactly those scripts; a page rendered per request carries
 * the nonce instead. A path Next did not prerender may still be answered by the prerendered
 * 404 page, so it gets that page's hashes.
 *
 * Every prerendered page here is built once and never regenerated (none sets `revalidate`);
 * a page that did would change its scripts, so a build with such a page is refused.
 */
const NOT_FOUND = '/_not-found';

export class BuildOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildOutputError';
  }
}

type Manifest = { routes?: Record<string, { initialRevalidateSeconds?: number | false; dataRoute?: string | null }> };

function appDir(dir: string): string {
  return path.join(dir, '.next', 'server', 'app');
}

function loadRoutes(dir: string): Set<string> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, '.next', 'prerender-manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new BuildOutputError('the build has no readable prerender-manifest.json');
  }
  const pages = new Set<string>();
  for (const [route, entry] of Object.entries(manifest.routes ?? {})) {
    // Only HTML pages have a data route; files such as icon.svg do not.
    if (!entry.dataRoute) continue;
    if (entry.initialRevalidateSeconds !== false) {
      throw new BuildOutputError(`the prerendered page ${route} is regenerated, so its script hashes would go stale`);
    }
    pages.add(route);
  }
  if (!pages.has(NOT_FOUND)) throw new BuildOutputError('the build has no prerendered 404 page');
  return pages;
}

function readHashes(dir: string, route: string): readonly string[] {
  const file = path.join(appDir(dir), route === '/' ? 'index.html' : `${route.slice(1)}.html`);
  let html: string;
  try {
    html = fs.readFileSync(file, 'utf8');
  } catch {
    throw new BuildOutputError(`the HTML of the prerendered page ${route} cannot be read`);
  }
  return inlineScriptHashes(html).hashes;
}

/**
 * A lookup over the build in `dir`: the hashes for a request's path (decoded, after any
 * rewrite). Reads each page once. Throws BuildOutputError when the build cannot be used.
 */
export function prerenderedHashes(dir: string): (pathname: string) => readonly string[] {
  let routes: Set<string> | undefined;
  const known = new Map<string, readonly string[]>();
  return (pathname) => {
    routes ??= loadRoutes(dir);
    const route = routes.has(pathname) ? pathname : NOT_FOUND;
    let found = known.get(route);
    if (!found) known.set(route, (found = readHashes(dir, route)));
    return found;
  };
}
