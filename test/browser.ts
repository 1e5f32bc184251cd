import fs from 'node:fs';

/**
 * Which Chromium the end-to-end tests drive: PLAYWRIGHT_CHROMIUM if set, else the system's,
 * else Playwright's own download. Says how to get one if none. The full browser comes first:
 * Debian's headless shell (Playwright's own headless build) opened a fresh context and its
 * first page in half the time here, but in one of three clean-clone runs a radio button on the
 * contact form never became "stable" for Playwright under it (a three-minute timeout), which
 * never happened with the full browser. Set PLAYWRIGHT_CHROMIUM to the shell to try it.
 */
const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/chromium-headless-shell'];

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
  'No Chromium found for the end-to-end tests. Install one: `apt-get install -y --no-install-recommends chromium` ' +
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
