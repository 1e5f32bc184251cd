import { inFrame, pageFrames } from '@/lib/server/page-frames';

/**
 * The search pages, made here in a frame instead of by Next for every search (issue 15).
 * Next renders the whole page (layout, header, footer, then HTML) for each request, some
 * 15–19 ms of CPU, while only the middle depends on the words: the heading, the form and the
 * answer (components/search/search-page.tsx), which React renders alone in a millisecond or
 * two (components/page-bodies.tsx, given to the server at its start). A search that finds no
 * fresh frame goes to Next as before, and the frame is cut from its page (page-frames.ts).
 * Nothing a visitor typed is kept: a frame that would hold the words of the search it came
 * from is not kept at all.
 */
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

/** The search pages' frames (page-frames.ts), keyed by page and host. */
export function searchFrames(now?: () => number) {
  const frames = pageFrames(now);
  return {
    /** The page for this search from a fresh frame (before the notice), or undefined when there is none. */
    page(search: SearchRequest): string | undefined {
      const frame = frames.current(search.key);
      return frame && inFrame(frame, search.body(search.query));
    },
    /** Takes the frame from a page Next made for `search`; false when the page cannot give one. */
    learn(search: SearchRequest, html: string): boolean {
      const words = search.query.trim();
      if (words.length < MIN_TEACHING_QUERY) return false;
      return frames.learn(search.key, html, search.body(search.query), [words]);
    },
  };
}
