import { describe, expect, it } from 'vitest';
import { countedHit, type AnsweredRequest } from '@/lib/stats/visit-rules';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const known = (path: string) => ['/', '/kontakt', '/i-helsetjenesten/rett-til-informasjon-som-parorende'].includes(path);

/** A browser opening a page: a document, from a link on another site unless told otherwise. */
function opened(url: string, headers: AnsweredRequest['headers'] = {}, more: Partial<AnsweredRequest> = {}): AnsweredRequest {
  return {
    method: 'GET',
    url,
    status: 200,
    html: true,
    youngHost: false,
    headers: { 'user-agent': BROWSER, 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'cross-site', ...headers },
    ...more,
  };
}

describe('a visit is an arrival from outside the site, as the browser tells it', () => {
  it('counts a link from another site and an address typed or a bookmark, not a link within the site', () => {
    expect(countedHit(opened('/kontakt'), known)).toEqual({ site: 'voksen', page: '/kontakt', visit: true });
    expect(countedHit(opened('/kontakt', { 'sec-fetch-site': 'none' }), known)?.visit).toBe(true);
    expect(countedHit(opened('/kontakt', { 'sec-fetch-site': 'same-origin' }), known)).toEqual({ site: 'voksen', page: '/kontakt', visit: false });
    expect(countedHit(opened('/kontakt', { 'sec-fetch-site': 'same-site' }), known)?.visit).toBe(false);
  });

  it('a browser that does not say where it came from gives a page view but no visit', () => {
    expect(countedHit(opened('/kontakt', { 'sec-fetch-site': undefined, 'sec-fetch-dest': undefined }), known)).toEqual({ site: 'voksen', page: '/kontakt', visit: false });
  });
});

describe('only pages someone opened count', () => {
  it('not a prefetch, flight data for a click within the site, a HEAD, a script or an image', () => {
    expect(countedHit(opened('/kontakt', { 'sec-purpose': 'prefetch' }), known)).toBeUndefined();
    expect(countedHit(opened('/kontakt', { purpose: 'prefetch' }), known)).toBeUndefined();
    expect(countedHit(opened('/kontakt', { rsc: '1' }), known)).toBeUndefined();
    expect(countedHit(opened('/kontakt', { 'next-router-prefetch': '1' }), known)).toBeUndefined();
    expect(countedHit(opened('/kontakt', {}, { method: 'HEAD' }), known)).toBeUndefined();
    expect(countedHit(opened('/kontakt', { 'sec-fetch-dest': 'image' }), known)).toBeUndefined();
    expect(countedHit(opened('/kontakt', {}, { html: false }), known)).toBeUndefined();
  });

  it('a page the browser already has and only checks (304) counts as a view; a redirect, an error or a form post does not', () => {
    expect(countedHit(opened('/kontakt', { 'sec-fetch-site': 'same-origin' }, { status: 304 }), known)).toEqual({ site: 'voksen', page: '/kontakt', visit: false });
    for (const status of [301, 303, 404, 500, 503]) expect(countedHit(opened('/kontakt', {}, { status }), known), String(status)).toBeUndefined();
    expect(countedHit(opened('/kontakt', {}, { method: 'POST' }), known)).toBeUndefined();
  });

  it('not robots, whatever they ask for', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'curl/8.5.0',
      'python-requests/2.32.3',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      '',
    ]) {
      expect(countedHit(opened('/kontakt', { 'user-agent': agent }), known), agent).toBeUndefined();
    }
  });

  it('not the staff area, the sign-in or a handler', () => {
    for (const url of ['/staff', '/staff/henvendelser', '/api/auth/signin', '/_next/static/x.js']) expect(countedHit(opened(url), known), url).toBeUndefined();
  });
});

describe('only known paths are written, never what a visitor typed', () => {
  it('a search is a visit but never a page, and its words go nowhere', () => {
    const hit = countedHit(opened('/sok?q=KANARI-sokeord'), known);
    expect(hit).toEqual({ site: 'voksen', page: undefined, visit: true });
    expect(JSON.stringify(hit)).not.toContain('KANARI');
  });

  it('the query string of a known page is left off', () => {
    expect(countedHit(opened('/kontakt?fra=KANARI'), known)?.page).toBe('/kontakt');
  });

  it('a path no route knows is no page, and a click within the site to it is nothing at all', () => {
    expect(countedHit(opened('/KANARI-sti'), known)).toEqual({ site: 'voksen', page: undefined, visit: true });
    expect(countedHit(opened('/KANARI-sti', { 'sec-fetch-site': 'same-origin' }), known)).toBeUndefined();
  });
});

describe('the children’s site counts visits only', () => {
  it('an arrival at any of its pages is a visit for "unge", with no page', () => {
    expect(countedHit(opened('/unge'), known)).toEqual({ site: 'unge', page: undefined, visit: true });
    expect(countedHit(opened('/unge/nar-noen-dor'), known)).toEqual({ site: 'unge', page: undefined, visit: true });
    expect(countedHit(opened('/chat'), known)).toEqual({ site: 'unge', page: undefined, visit: true });
  });

  it('a click within it counts nothing', () => {
    expect(countedHit(opened('/unge/nar-noen-dor', { 'sec-fetch-site': 'same-origin' }), known)).toBeUndefined();
  });

  it('on its own host name the root is the children’s, and /?voksen the adults’', () => {
    expect(countedHit(opened('/', {}, { youngHost: true }), known)).toEqual({ site: 'unge', page: undefined, visit: true });
    expect(countedHit(opened('/?voksen', {}, { youngHost: true }), known)).toEqual({ site: 'voksen', page: '/', visit: true });
  });
});
