import fs from 'node:fs';
import path from 'node:path';
import { sections } from '@/content/sections';
import { VISITOR_CHAT_WORDS } from '@/lib/chat/visitor-wording';
import { AGE_BANDS, AGE_BAND_STORAGE_KEY } from '@/lib/content/age-bands';
import { env } from '@/lib/env';
import { ONE_ENTRY_SECTIONS } from '@/lib/one-history-entry';

/**
 * Pages that are documents: read, not used. Next renders them like every page, and the server
 * then sends them without Next's scripts, so they load no framework at all (issue 15). Their
 * links are ordinary links, and nothing on them needs React: the adult pages need no script,
 * and the children's pages get one small script of their own (components/unge/island.js),
 * inline in the <head>, for the age band, the quick exit and the one history entry. The chat
 * is a children's page too, with a second island of its own at the end of the <body>
 * (components/chat/visitor-island.js): the visitor's side of the chat, in plain script.
 *
 * The contact form is one too: it is a plain form posted to the server (a server action that
 * works without JavaScript), whose answer is a whole page, with its error summary focused by
 * the browser itself (autofocus). The course sign-up and payment and the staff pages
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

/** The chat's page, on either host: the children's island and the chat's own. */
export function isChatDocument(pathname: string): boolean {
  return pathname === '/chat';
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

const islandSources = new Map<string, string>();

/**
 * An island's text as it is sent, the same for every page of this process (so one CSP hash):
 * the file without its header comment and whole comment lines, and a call of `name` with
 * `config`, in which `<` and every character beyond ASCII are escaped, so no text in the
 * settings can close the script element or depend on the page's encoding.
 */
function islandScript(dir: string, file: string, name: string, config: () => unknown): string {
  const key = `${dir}\0${file}`;
  let source = islandSources.get(key);
  if (source === undefined) {
    // Without its header, its comment lines, its indentation and its blank lines: the islands
    // hold no template literals, so nothing a line starts with is part of a string.
    const code = fs
      .readFileSync(path.join(dir, file), 'utf8')
      .replace(/^\/\*\*[\s\S]*?\*\/\n/, '')
      .replace(/^\s*\/\/.*\n/gm, '')
      .replace(/^[ \t]+/gm, '')
      .replace(/\n{2,}/g, '\n');
    const settings = JSON.stringify(config()).replace(/[<\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    source = `${code}${name}(${settings});`;
    islandSources.set(key, source);
  }
  return source;
}

/** The children's island: age band, quick exit (button and Escape), one history entry. */
export function youngIslandScript(dir = process.cwd()): string {
  return islandScript(dir, 'components/unge/island.js', 'youngIsland', () => ({
    exit: env().QUICK_EXIT_URL,
    storageKey: AGE_BAND_STORAGE_KEY,
    bands: AGE_BANDS,
    sections: ONE_ENTRY_SECTIONS,
  }));
}

/** The chat's island: the visitor's side of the chat, with its words. */
export function chatIslandScript(dir = process.cwd()): string {
  return islandScript(dir, 'components/chat/visitor-island.js', 'chatIsland', () => ({ words: VISITOR_CHAT_WORDS }));
}

/** The scripts of our own a document may hold, for its policy's hashes. */
export function islandScripts(): string[] {
  return [youngIslandScript(), chatIslandScript()];
}

/** A children's page with its island at the end of the <head>, so it runs before the body is drawn. */
export function withYoungIsland(html: string, script: string): string {
  return html.replace('</head>', () => `<script>${script}</script></head>`);
}

/**
 * The chat's page with its own island at the end of the <body>: inline, so it costs no request,
 * and last, so the whole panel is there when it runs and the text is drawn before it.
 */
export function withChatIsland(html: string, script: string): string {
  const end = html.lastIndexOf('</body>');
  return end < 0 ? html : `${html.slice(0, end)}<script>${script}</script>${html.slice(end)}`;
}
