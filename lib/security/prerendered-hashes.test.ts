import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Source } from '@/lib/security/inline-scripts';
import { BuildOutputError, prerenderedHashes } from '@/lib/security/prerendered-hashes';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const page = (data: string) => `<html><body><script src="/_next/a.js"></script><script>self.__next_f.push([1,"${data}"])</script><script>alert(1)</script></body></html>`;
const hashOf = (data: string) => sha256Source(`self.__next_f.push([1,"${data}"])`);

/** A build folder holding the given prerendered pages (route → HTML). */
function build(pages: Record<string, string>, revalidate: number | false = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hashes-'));
  dirs.push(dir);
  const app = path.join(dir, '.next', 'server', 'app');
  const routes: Record<string, object> = { '/icon.svg': { initialRevalidateSeconds: false, dataRoute: null } };
  for (const [route, html] of Object.entries(pages)) {
    const file = path.join(app, route === '/' ? 'index.html' : `${route.slice(1)}.html`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, html);
    routes[route] = { initialRevalidateSeconds: route === '/' ? revalidate : false, dataRoute: `${route}.rsc` };
  }
  fs.writeFileSync(path.join(dir, '.next', 'prerender-manifest.json'), JSON.stringify({ routes }));
  return dir;
}

describe('prerenderedHashes', () => {
  it("names a prerendered page's data scripts, and not its other inline scripts", () => {
    const lookup = prerenderedHashes(build({ '/': page('home'), '/tema/sorg': page('sorg'), '/_not-found': page('404') }));
    expect(lookup('/')).toEqual([hashOf('home')]);
    expect(lookup('/tema/sorg')).toEqual([hashOf('sorg')]);
  });

  it('gives a path that was not prerendered the hashes of the prerendered 404 page', () => {
    const lookup = prerenderedHashes(build({ '/': page('home'), '/_not-found': page('404') }));
    expect(lookup('/finnes-ikke')).toEqual([hashOf('404')]);
    expect(lookup('/icon.svg')).toEqual([hashOf('404')]);
  });

  it('refuses a build it cannot use rather than answer with fewer hashes', () => {
    expect(() => prerenderedHashes(fs.mkdtempSync(path.join(os.tmpdir(), 'hashes-')))('/')).toThrow(BuildOutputError);
    expect(() => prerenderedHashes(build({ '/': page('home') }))('/')).toThrow(/404/);
    expect(() => prerenderedHashes(build({ '/': page('home'), '/_not-found': page('404') }, 60))('/')).toThrow(/regenerated/);
    const dir = build({ '/': page('home'), '/_not-found': page('404') });
    fs.rmSync(path.join(dir, '.next', 'server', 'app', 'index.html'));
    expect(() => prerenderedHashes(dir)('/')).toThrow(/cannot be read/);
  });
});
