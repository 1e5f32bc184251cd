import { log } from '@/lib/log';

/**
 * The search pages, made here from a frame instead of by Next for every search (issue 15).
 * Next renders the whole page (layout, header, footer, then HTML) for each request, some
 * 15–19 ms of CPU, while only the part inside the frame depends on the words: the heading, the
 * form and the answer (components/search/search-page.tsx), which React renders alone in a
 * millisecond or two (components/search/search-bodies.tsx, given to the server at its start).
 *
 * How the frame is had, so that it is always Next's own: a search that finds no fresh frame
 * goes to Next as before, and its finished page (scripts taken out, island in, no notice yet)
 * is cut around the body rendered here for the same words. Only when that body occurs in the
 * page exactly once, and the words nowhere else, is what lies before and after it kept as the
 * frame, for FRAME_MS; then Next renders the page again and the frame is taken anew, so a
 * change to what is around the search (a new build's content is the same for the process's
 * life; the notice is put in per request afterwards, as on every page) shows within that time.
 *
 * Nothing a visitor typed is kept: the frame holds only what is the same for every search,
 * and a frame that would contain the words of the search it came from is not kept at all.
 */
const FRAME_MS = 10_000;
/** Shorter words may well be in the frame by chance (a menu's text); such a page teaches nothing. */
const MIN_TEACHING_QUERY = 3;

/** Each search page's path, and how its body is rendered for some words. */
export type SearchBodies = ReadonlyMap<string, (query: string) => string>;

/** A search the frame can answer: which page on which host, the words, and how its body is made. */
export type SearchRequest = { key: string; query: string; body: (query: string) => string };

/**
 * The search a request asks for, when it is a plain one: a GET of `/sok` or `/unge/sok` with
 * no parameter but at most one `q`, asked for as a page (not flight data). Undefined for every
 * other request, which Next answers as before.
 */
export function searchRequest(
  method: string | undefined,
  url: string,
  headers: Record<string, unknown>,
  youngHost: boolean,
  bodies: SearchBodies,
): SearchRequest | undefined {
  if (method !== 'GET' || headers['rsc'] !== undefined || headers['next-router-prefetch'] !== undefined) return undefined;
  const mark = url.indexOf('?');
  const pathname = mark < 0 ? url : url.slice(0, mark);
  const body = bodies.get(pathname);
  if (!body) return undefined;
  const params = new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1));
  const names = [...params.keys()];
  if (names.length > 1 || (names.length === 1 && names[0] !== 'q')) return undefined;
  return { key: `${youngHost ? 'unge' : 'main'}|${pathname}`, query: params.get('q') ?? '', body };
}

type Frame = { before: string; after: string; at: number };

export function searchFrames(now: () => number = Date.now) {
  const frames = new Map<string, Frame>();
  const mismatchLogged = new Set<string>();
  return {
    /** The page for this search from a fresh frame (before the notice), or undefined when there is none. */
    page(search: SearchRequest): string | undefined {
      const frame = frames.get(search.key);
      if (!frame || now() - frame.at >= FRAME_MS) return undefined;
      return frame.before + search.body(search.query) + frame.after;
    },
    /** Takes the frame from a page Next made for `search`; false when the page cannot give one. */
    learn(search: SearchRequest, html: string): boolean {
      if (search.query.trim().length < MIN_TEACHING_QUERY) return false;
      const body = search.body(search.query);
      const at = html.indexOf(body);
      if (at < 0 || html.indexOf(body, at + 1) >= 0) {
        // Next and React here render the body differently: searches keep going to Next.
        if (!mismatchLogged.has(search.key)) log.warn('search.frame_mismatch', { page: search.key });
        mismatchLogged.add(search.key);
        return false;
      }
      const before = html.slice(0, at);
      const after = html.slice(at + body.length);
      if (containsWords(before, search.query) || containsWords(after, search.query)) return false;
      if (!frames.has(search.key)) log.info('search.frame_taken', { page: search.key });
      frames.set(search.key, { before, after, at: now() });
      return true;
    },
  };
}

/** Whether the words occur in the text as typed or as HTML would write them. */
function containsWords(text: string, query: string): boolean {
  const words = query.trim();
  const escaped = words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
  return text.includes(words) || text.includes(escaped);
}
