import http from 'node:http';
import net from 'node:net';
import { expect, test } from '../test/fixtures';
import { addStaff, signIn } from '../test/staff-pages';

/**
 * The app knows where it is: Next fetches its own pages (after an action's redirect) at the
 * address it listens on, Auth.js names only SITE_URL, and SITE_URL defaults to the port the
 * app was given. Nothing ever goes to Next's default of localhost:3000.
 */
const PORT = Number(process.env.E2E_PORT_BASE ?? 3211) + 8;

/** Listens on port 3000 (both loopbacks, where free) and counts who connects. */
async function watchPort3000(): Promise<{ watching: boolean; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const servers: net.Server[] = [];
  for (const host of ['127.0.0.1', '::1']) {
    const s = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    const ok = await new Promise<boolean>((resolve) => {
      s.once('error', () => resolve(false));
      s.listen(3000, host, () => resolve(true));
    });
    if (ok) servers.push(s);
  }
  return {
    watching: servers.length > 0,
    connections: () => connections,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/** A GET to the app on 127.0.0.1 with a Host header of our choosing. */
function getWithHost(port: number, path: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

test.describe('the right origin', () => {
  test.setTimeout(180_000);

  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'pglite', 'about the server, not the database');
  });

  test('without SITE_URL the setup link uses the port; with SITE_URL set, signing in calls nothing on port 3000', async ({ page, ownDatabase: db, startOwnApp }) => {
    let app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' }, { port: PORT });
    expect(app.output()).toMatch(new RegExp(`http://localhost:${PORT}/staff/oppsett/[\\w-]+`));
    expect(app.output()).not.toContain('localhost:3000');
    await app.stop();
    const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser' });

    const port3000 = await watchPort3000();
    try {
      const siteUrl = `http://127.0.0.1:${PORT}`;
      app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0', SITE_URL: siteUrl }, { port: PORT });
      // Signing in ends in an action's redirect, which Next follows by fetching the page itself.
      await signIn(page, siteUrl, adviser);
      await page.getByRole('navigation', { name: 'Ansattmeny' }).getByRole('link', { name: /Henvendelser/ }).click();
      await expect(page).toHaveURL(/\/staff\/henvendelser$/);
      if (port3000.watching) expect(port3000.connections(), 'connections to port 3000').toBe(0);
      else test.info().annotations.push({ type: 'note', description: 'port 3000 was taken; outgoing connections not watched' });
      expect(app.output()).not.toContain('localhost:3000');
    } finally {
      await port3000.close();
    }
  });

  // A public name, not a loopback one: Next's NextURL writes 127.0.0.1 and [::1] as localhost.
  test('Auth.js names only SITE_URL, whatever Host the request carries', async ({ startOwnApp }) => {
    const siteUrl = 'https://hjelpelinje.example';
    await startOwnApp({ PURGE_INTERVAL_MINUTES: '0', SITE_URL: siteUrl }, { port: PORT });
    for (const host of [`localhost:${PORT}`, 'angriper.example', `localhost:3000`]) {
      const providers = await getWithHost(PORT, '/api/auth/providers', host);
      const urls = [...providers.matchAll(/https?:\/\/[^/"]+/g)].map((m) => m[0]);
      expect(urls.length).toBeGreaterThan(0);
      expect(new Set(urls), `asked as ${host}`).toEqual(new Set([siteUrl]));
    }
  });
});
