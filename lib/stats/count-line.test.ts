import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECIPE } from '@/scripts/bench/nginx-recipe';
import { answeredFromLine, COUNTED_HEADERS } from '@/lib/stats/count-line';
import { countedHit, type AnsweredRequest } from '@/lib/stats/visit-rules';
import { visitCounter } from '@/lib/stats/visits';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const known = (path: string) => ['/', '/kontakt'].includes(path);
const ADDRESS = '203.0.113.9';

/** A line as nginx sends it (syslog header, no host name), with the recipe's fields. */
function line(fields: Record<string, string>, header = '<190>Dec  7 01:38:00 hjelpelinje: '): string {
  const all: Record<string, string> = { method: 'GET', url: '/kontakt', status: '200', host: 'hjelpelinje.example', type: 'text/html; charset=utf-8', ...fields };
  for (const name of COUNTED_HEADERS) all[name] ??= '';
  return header + JSON.stringify(all);
}

/** A browser opening /kontakt from a bookmark, as the app sees the request. */
const opened: AnsweredRequest = {
  method: 'GET',
  url: '/kontakt',
  status: 200,
  html: true,
  youngHost: false,
  headers: { 'user-agent': BROWSER, 'sec-fetch-dest': 'document', 'sec-fetch-site': 'none' },
};
const browserFields = { 'user-agent': BROWSER, 'sec-fetch-dest': 'document', 'sec-fetch-site': 'none' };

describe('a count line from nginx', () => {
  it('is counted as the same hit the app would count for the request it describes', () => {
    const answered = answeredFromLine(Buffer.from(line(browserFields)), undefined);
    expect(countedHit(answered!, known)).toEqual(countedHit(opened, known));
    expect(countedHit(answered!, known)).toEqual({ site: 'voksen', page: '/kontakt', visit: true });
    // With the host name in the header too (a recipe without nohostname).
    expect(answeredFromLine(line(browserFields, '<190>Dec 17 01:38:00 web1 hjelpelinje: '), undefined)).toEqual(answered);
  });

  it('reads an empty header as one the browser did not send, and 304s and other answers as nginx says', () => {
    expect(countedHit(answeredFromLine(line({ ...browserFields, rsc: '' }), undefined)!, known)?.page).toBe('/kontakt');
    expect(countedHit(answeredFromLine(line({ ...browserFields, rsc: '1' }), undefined)!, known)).toBeUndefined();
    expect(countedHit(answeredFromLine(line({ ...browserFields, status: '304' }), undefined)!, known)?.page).toBe('/kontakt');
    expect(countedHit(answeredFromLine(line({ ...browserFields, status: '404' }), undefined)!, known)).toBeUndefined();
    expect(countedHit(answeredFromLine(line({ ...browserFields, type: 'image/png' }), undefined)!, known)).toBeUndefined();
    expect(countedHit(answeredFromLine(line({ ...browserFields, method: 'HEAD' }), undefined)!, known)).toBeUndefined();
  });

  it('counts the root of the children\'s host name as the children\'s site', () => {
    const answered = answeredFromLine(line({ ...browserFields, url: '/', host: 'unge.example' }), 'unge.example');
    expect(countedHit(answered!, known)).toEqual({ site: 'unge', page: undefined, visit: true });
  });

  it('leaves anything malformed uncounted', () => {
    for (const bad of [
      '',
      'hjelpelinje: {}',
      line(browserFields).replace('hjelpelinje:', 'nginx:'),
      line(browserFields).replace('<190>', ''),
      line(browserFields).slice(0, -2),
      '<190>Dec  7 01:38:00 hjelpelinje: [1,2]',
      '<190>Dec  7 01:38:00 hjelpelinje: null',
      line({ ...browserFields, url: '' }),
      line({ ...browserFields, status: 'ok' }),
      line({ ...browserFields, method: '' }),
    ]) {
      expect(answeredFromLine(bad, undefined), bad).toBeUndefined();
    }
    expect(answeredFromLine(`<190>Dec  7 01:38:00 hjelpelinje: {"url":1,"method":"GET","status":"200"}`, undefined)).toBeUndefined();
  });

  it('keeps nothing of a field it does not read, such as an address put in the line by mistake', async () => {
    const answered = answeredFromLine(line({ ...browserFields, remote_addr: ADDRESS, 'x-forwarded-for': ADDRESS }), undefined);
    expect(JSON.stringify(answered)).not.toContain(ADDRESS);
    const written: unknown[] = [];
    const counter = visitCounter(async (counts) => void written.push(counts));
    counter.record(countedHit(answered!, known)!, new Date('2026-12-07T12:00:00Z'));
    await counter.flush();
    expect(written).toHaveLength(1);
    expect(JSON.stringify(written)).not.toContain(ADDRESS);
  });
});

/** Every nginx variable the count line may carry: what the counting rules read, nothing that names a client. */
const ALLOWED = new Set([
  'request_method',
  'request_uri',
  'status',
  'host',
  'upstream_http_content_type',
  ...COUNTED_HEADERS.map((h) => `http_${h.replaceAll('-', '_')}`),
]);

describe('the recipe\'s count line', () => {
  const recipe = fs.readFileSync(RECIPE, 'utf8');
  const start = recipe.indexOf('log_format hjelpelinje_count escape=json ');
  const format = recipe.slice(start, recipe.indexOf("';", start) + 1);
  const text = [...format.matchAll(/'([^']*)'/g)].map((m) => m[1]).join('');
  const variables = [...text.matchAll(/\$\{?([A-Za-z0-9_]+)\}?/g)].map((m) => m[1]!);

  it('carries only the variables the counting rules need: no address, cookie or referrer', () => {
    expect(start).toBeGreaterThan(-1);
    expect(variables.filter((v) => !ALLOWED.has(v))).toEqual([]);
    expect(new Set(variables)).toEqual(ALLOWED);
  });

  it('is the line the app reads: filled in as nginx would, it is counted like the request', () => {
    const values: Record<string, string> = { request_method: 'GET', request_uri: '/kontakt', status: '200', host: 'hjelpelinje.example', upstream_http_content_type: 'text/html; charset=utf-8', http_user_agent: BROWSER, http_sec_fetch_dest: 'document', http_sec_fetch_site: 'none' };
    const filled = text.replace(/\$\{?([A-Za-z0-9_]+)\}?/g, (_, name: string) => values[name] ?? '');
    expect(countedHit(answeredFromLine(`<190>Dec  7 01:38:00 hjelpelinje: ${filled}`, undefined)!, known)).toEqual(countedHit(opened, known));
  });

  it('is the only access log: every server turns nginx\'s own off, and every other access_log sends this line to loopback', () => {
    const servers = recipe.split(/^server \{$/m).slice(1);
    expect(servers.length).toBeGreaterThan(0);
    for (const server of servers) expect(server).toMatch(/^ {4}access_log off;$/m);
    const logs = [...recipe.matchAll(/^\s*access_log\s+([^;]*);/gm)].map((m) => m[1]);
    for (const log of logs) expect(log).toMatch(/^(?:off|syslog:server=127\.0\.0\.1:\d+,tag=hjelpelinje,nohostname hjelpelinje_count)$/);
  });
});
