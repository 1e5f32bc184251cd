import { isbot } from 'isbot';
import type { StatsSite } from '@/db/schema';

/**
 * Which answered requests count, and as what: a page view of a known page on the adult site,
 * and a visit (an arrival from outside, as the browser tells it in Sec-Fetch-Site) to the
 * adult or the children's site. Nothing here keeps anything: the result is a site, a path from
 * the content or the route table (never one a visitor typed), and a yes or no. The user agent
 * is read to leave robots out (see isRobot) and never written anywhere.
 *
 * Counted: a GET that the server answered with an HTML page (200, or 304 to a browser that has
 * it and checks it is current, which our pages ask for every time), asked for as a document (no
 * prefetch, no flight data for client-side navigation, no HEAD, no script or image), by a
 * browser rather than a robot, on a public page. The children's site counts visits only:
 * nothing per page, and nothing of the age band, which never leaves the child's device.
 */
export type Hit = { site: StatsSite; page: string | undefined; visit: boolean };

export type AnsweredRequest = {
  method: string | undefined;
  /** The request target as asked for, query and all. */
  url: string;
  status: number;
  /** Whether the answer was an HTML page. */
  html: boolean;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The request came to UNGE_HOST, whose root is the children's start page. */
  youngHost: boolean;
};

const NOT_PAGES = /^\/(?:staff|api|_next)(?:\/|$)/;
const YOUNG = /^\/(?:unge|chat)(?:\/|$)/;

function header(headers: AnsweredRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A prefetch or a client-side navigation: not a page someone opened. */
function isBackground(headers: AnsweredRequest['headers']): boolean {
  if (headers['rsc'] !== undefined || headers['next-router-prefetch'] !== undefined || headers['next-router-state-tree'] !== undefined) return true;
  const purpose = `${header(headers, 'sec-purpose') ?? ''} ${header(headers, 'purpose') ?? ''} ${header(headers, 'x-moz') ?? ''}`;
  return /prefetch|prerender/i.test(purpose);
}

/**
 * isbot's pattern costs a few microseconds a request on a busy server, a sixth of what a page
 * from the page cache costs in all. Browsers send few distinct user-agent strings, so the
 * verdict for each is kept, with nothing else (no path, no time, no visit), in memory only,
 * at most MAX_VERDICTS of them, and all forgotten when the minute changes.
 */
const MAX_VERDICTS = 256;
const verdicts = new Map<string, boolean>();
let verdictMinute = 0;

function isRobot(agent: string): boolean {
  const minute = Math.floor(Date.now() / 60_000);
  if (minute !== verdictMinute || verdicts.size >= MAX_VERDICTS) {
    verdicts.clear();
    verdictMinute = minute;
  }
  let robot = verdicts.get(agent);
  if (robot === undefined) verdicts.set(agent, (robot = isbot(agent)));
  return robot;
}

export function countedHit(request: AnsweredRequest, isKnownPage: (path: string) => boolean): Hit | undefined {
  if (request.method !== 'GET' || (request.status !== 200 && request.status !== 304) || !request.html) return undefined;
  const { headers } = request;
  if (isBackground(headers)) return undefined;
  const dest = header(headers, 'sec-fetch-dest');
  if (dest !== undefined && dest !== 'document') return undefined;
  const agent = header(headers, 'user-agent');
  if (!agent || isRobot(agent)) return undefined;

  const queryAt = request.url.indexOf('?');
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  if (!path.startsWith('/') || NOT_PAGES.test(path)) return undefined;
  const adultRootOnYoungHost = queryAt !== -1 && new URLSearchParams(request.url.slice(queryAt + 1)).has('voksen');
  const site: StatsSite = YOUNG.test(path) || (request.youngHost && path === '/' && !adultRootOnYoungHost) ? 'unge' : 'voksen';

  const from = header(headers, 'sec-fetch-site');
  const visit = from === 'none' || from === 'cross-site';
  const page = site === 'voksen' && isKnownPage(path) ? path : undefined;
  return visit || page ? { site, page, visit } : undefined;
}
