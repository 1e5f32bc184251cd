/**
 * What search engines may not fetch (robots.txt). A robots rule is a path prefix, so each one
 * below also covers everything beneath it and any query string:
 *
 * - the staff pages and their sign-in, and every route handler: nothing there is for a search
 *   index, and the handlers answer scripts, not readers;
 * - search results, on both sites: a results page holds only what a visitor typed and links
 *   to pages that are indexed anyway.
 *
 * lib/crawl-rules.test.ts walks app/ and fails when a new staff page, route handler or search
 * page is not covered, or when a rule would hide a public page.
 */
export const DISALLOWED_PREFIXES: readonly string[] = ['/staff', '/api/', '/chat/api/', '/sok', '/unge/sok'];

/** Whether a crawler that obeys robots.txt leaves `pathname` alone. */
export function isDisallowed(pathname: string): boolean {
  return DISALLOWED_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
