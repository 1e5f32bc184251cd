import { describe, expect, it } from 'vitest';
import { searchFrames, searchRequest as requestOf, type SearchRequest } from '@/lib/server/search-page';

const body = (query: string) => `<main><input value="${query}"/><p>treff</p></main>`;
const search = (query: string): SearchRequest => ({ key: 'main|/sok', query, body });
const bodies = new Map([['/sok', body], ['/unge/sok', body]]);
const searchRequest = (method: string, url: string, headers: Record<string, unknown>, youngHost: boolean) => requestOf(method, url, headers, youngHost, bodies);
const page = (query: string) => `<html><head><title>Søk</title></head><body><nav>Meny</nav>${body(query)}<footer/></body></html>`;

describe('searchRequest', () => {
  it('takes a plain search of either page, with at most one q', () => {
    expect(searchRequest('GET', '/sok?q=sorg', {}, false)).toMatchObject({ key: 'main|/sok', query: 'sorg' });
    expect(searchRequest('GET', '/unge/sok', {}, true)).toMatchObject({ key: 'unge|/unge/sok', query: '' });
    expect(searchRequest('GET', '/sok?q=s%C3%B8k+ord', {}, false)?.query).toBe('søk ord');
  });

  it('leaves every other request to Next', () => {
    expect(searchRequest('POST', '/sok?q=sorg', {}, false)).toBeUndefined();
    expect(searchRequest('HEAD', '/sok?q=sorg', {}, false)).toBeUndefined();
    expect(searchRequest('GET', '/sok?q=sorg&side=2', {}, false)).toBeUndefined();
    expect(searchRequest('GET', '/sok?q=a&q=b', {}, false)).toBeUndefined();
    expect(searchRequest('GET', '/sok/', {}, false)).toBeUndefined();
    expect(searchRequest('GET', '/sok?q=sorg', { rsc: '1' }, false)).toBeUndefined();
  });
});

describe('searchFrames', () => {
  it('takes the frame around the body of a page and makes other searches in it', () => {
    const frames = searchFrames(() => 0);
    expect(frames.page(search('sorg'))).toBeUndefined();
    expect(frames.learn(search('sykdom'), page('sykdom'))).toBe(true);
    expect(frames.page(search('sorg'))).toBe(page('sorg'));
  });

  it('uses a frame for ten seconds, then sends the next search to Next again', () => {
    let now = 0;
    const frames = searchFrames(() => now);
    frames.learn(search('sykdom'), page('sykdom'));
    now = 9_999;
    expect(frames.page(search('sorg'))).toBe(page('sorg'));
    now = 10_000;
    expect(frames.page(search('sorg'))).toBeUndefined();
  });

  it('takes no frame from a page where the body is not, or is twice', () => {
    const frames = searchFrames(() => 0);
    expect(frames.learn(search('sykdom'), page('sorg'))).toBe(false);
    expect(frames.learn(search('sykdom'), page('sykdom') + body('sykdom'))).toBe(false);
    expect(frames.page(search('sorg'))).toBeUndefined();
  });

  it('keeps no frame that holds the words of the search it came from', () => {
    const frames = searchFrames(() => 0);
    expect(frames.learn(search('Meny'), page('Meny'))).toBe(false);
    expect(frames.learn(search('a&b'), page('a&b').replace('<nav>', '<nav>a&amp;b'))).toBe(false);
    // Words too short to tell from the frame's own text teach nothing either.
    expect(frames.learn(search('no'), page('no'))).toBe(false);
    expect(frames.page(search('sorg'))).toBeUndefined();
  });
});
