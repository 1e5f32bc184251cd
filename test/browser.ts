import fs from 'node:fs';

/**
 * Which Chromium the end-to-end tests drive: PLAYWRIGHT_CHROMIUM if set, else the system's,
 * else Playwright's own download. Says how to get one if none.
 *
 * Debian's headless shell comes first: it is the build Playwright itself uses for headless
 * tests, and the whole end-to-end run took 9.2 min on it against 13.2 min on the full browser
 * (same commit, same machine). One earlier run on the shell hung in a click that waited for a
 * radio button to stop moving; that run recorded a trace with a screencast of every test, which
 * the tests no longer do (playwright.config.ts), and the runs since, without one, have not hung. Set
 * PLAYWRIGHT_CHROMIUM=/usr/bin/chromium to use the full browser.
 */
const systemCandidates = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumExecutable(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`PLAYWRIGHT_CHROMIUM points to ${configured}, which does not exist.`);
    return configured;
  }
  return systemCandidates.find((p) => fs.existsSync(p));
}

export function playwrightHasOwnChromium(executablePath: () => string): boolean {
  try {
    return fs.existsSync(executablePath());
  } catch {
    return false;
  }
}

export const howToGetABrowser =
  'No Chromium found for the end-to-end tests. Install one: `apt-get install -y --no-install-recommends chromium-headless-shell` ' +
  '(Debian/Ubuntu), or `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM to a Chromium binary.';

/**
 * `--proxy-server` points at a port where nothing listens (9, discard), so a request to
 * anywhere but this machine fails inside the browser; Chromium never sends loopback addresses
 * or *.localhost through a proxy, so the app is reached as always. The fixtures record what
 * was refused (test/fixtures.ts).
 */
export const chromiumArgs = [
  '--proxy-server=http://127.0.0.1:9',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
