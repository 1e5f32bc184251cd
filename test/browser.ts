import fs from 'node:fs';

/**
 * Which Chromium the end-to-end tests drive: PLAYWRIGHT_CHROMIUM if set, else the system's,
 * else Playwright's own download. Says how to get one if none. Debian's headless shell comes
 * first: it is the build Playwright itself runs headless tests in, and it opened a fresh
 * browser context and its first page in half the time the full browser took here (a test
 * opens one or more of them each).
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

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
