import fs from 'node:fs';
import path from 'node:path';
import { sections } from '@/content/sections';
import { AGE_BANDS, AGE_BAND_STORAGE_KEY } from '@/lib/content/age-bands';
import { env } from '@/lib/env';
import { ONE_ENTRY_SECTIONS } from '@/lib/one-history-entry';

/**
 * Pages that are documents: read, not used. Next renders them like every page, and the server
 * then sends them without Next's scripts, so they load no framework at all (issue 15). Their
 * links are ordinary links, and nothing on them needs React: the adult pages need no script,
 * and the children's pages get one small script of their own (components/unge/island.js),
 * inline in the <head>, for the age band, the quick exit and the one history entry.
 *
 * The contact form is one too: it is a plain form posted to the server (a server action that
 * works without JavaScript), whose answer is a whole page, with its error summary focused by
 * the browser itself (autofocus). The course sign-up and payment, the chat and the staff pages
 * keep Next's scripts. A new page is a document only when it is listed here.
 */
const FIXED = /^\/(?:|unge(?:\/[^/]+)?|personvern(?:\/endringer|\/versjoner(?:\/[^/]+)?)?|apenhet|sok|kontakt|tema\/[^/]+|kurs(?:\/[^/]+)?)$/;
const SECTION_SLUGS = new Set(sections.map((s) => s.slug));
/** Under /kurs/, these take an order or a payment, not a course's slug. */
const NOT_A_COURSE = /^\/kurs\/(?:bestilling|betaling)$/;

export function isDocumentPath(pathname: string, youngHost: boolean): boolean {
  if (youngHost && pathname === '/') return true;
  if (FIXED.test(pathname)) return !NOT_A_COURSE.test(pathname);
  const parts = pathname.split('/').slice(1);
  return parts.length <= 2 && parts.every((p) => p !== '') && SECTION_SLUGS.has(parts[0]!);
}

/** The children's pages, on either host: they get the island. */
export function isYoungDocument(pathname: string, youngHost: boolean): boolean {
  return (youngHost && pathname === '/') || pathname === '/unge' || pathname.startsWith('/unge/');
}

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;

/** Next's scripts out: every script that would run, and the hints that preload them. */
export function withoutFrameworkScripts(html: string): string {
  return html
    .replace(SCRIPT, (whole, attributes: string) => {
      const type = /\stype="([^"]*)"/i.exec(attributes)?.[1]?.toLowerCase();
      const runs = type === undefined || type === '' || type === 'module' || type === 'text/javascript';
      return runs ? '' : whole;
    })
    .replace(LINK, (link) => (/\srel="modulepreload"/i.test(link) || (/\srel="preload"/i.test(link) && /\sas="script"/i.test(link)) ? '' : link));
}

let islandSource: string | undefined;

/** The island's text as it is sent, the same for every page of this process (so one CSP hash). */
export function youngIslandScript(dir = process.cwd()): string {
  if (islandSource === undefined) {
    const code = fs.readFileSync(path.join(dir, 'components/unge/island.js'), 'utf8').replace(/^\/\*\*[\s\S]*?\*\/\n/, '')
      // Comments stay in the file; whole comment lines are not sent.
      .replace(/^\s*\/\/.*\n/gm, '');
    const config = { exit: env().QUICK_EXIT_URL, storageKey: AGE_BAND_STORAGE_KEY, bands: AGE_BANDS, sections: ONE_ENTRY_SECTIONS };
    // `<` escaped, so no text in the settings can close the script element.
    islandSource = `${code}youngIsland(${JSON.stringify(config).replace(/</g, '\\u003c')});`;
  }
  return islandSource;
}

/** A children's page with its island at the end of the <head>, so it runs before the body is drawn. */
export function withYoungIsland(html: string, script: string): string {
  return html.replace('</head>', `<script>${script}</script></head>`);
}
