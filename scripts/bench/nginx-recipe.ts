import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, HOST } from './net';
import { closer, makeFolders, mainConfig, nginxBinary } from './nginx-server';

/**
 * The reverse-proxy recipe (deploy/nginx/hjelpelinje.conf) run as it is written, in front of an
 * app on this machine: only its addresses, ports, certificate and folders are put in (the app
 * takes the count lines on `countPort`, its VISIT_COUNT_PORT). Used by
 * e2e/nginx.spec.ts, which checks each rule over TLS, and by the bench, which loads it.
 * Each example value must still be in the file, so the recipe and this cannot drift apart.
 * Everything lives in a folder of its own, removed on close; nothing listens beyond 127.0.0.1.
 */
export const RECIPE = path.join('deploy', 'nginx', 'hjelpelinje.conf');

export type RecipeNginx = {
  /** The recipe's HTTPS server (or plain HTTP with `tls: false`). */
  port: number;
  /** The recipe's plain-HTTP server, which sends everyone to HTTPS. */
  httpPort: number;
  /** The certificate's PEM, to trust in a client. */
  ca: string;
  dir: string;
  close: () => Promise<void>;
};

type Values = { appPort: number; countPort: number; httpPort: number; port: number; dir: string; tls: boolean };

export function renderRecipe(recipe: string, v: Values): string {
  const swaps: [string, string][] = [
    ['server 127.0.0.1:3000;', `server ${HOST}:${v.appPort};`],
    ['syslog:server=127.0.0.1:5140,', `syslog:server=${HOST}:${v.countPort},`],
    ['listen 80;', `listen ${HOST}:${v.httpPort};`],
    ['    listen [::]:80;\n', ''],
    ['listen 443 ssl http2;', v.tls ? `listen ${HOST}:${v.port} ssl http2;` : `listen ${HOST}:${v.port};`],
    ['    listen [::]:443 ssl http2;\n', ''],
    ['/etc/letsencrypt/live/hjelpelinje.example/fullchain.pem', path.join(v.dir, 'cert.pem')],
    ['/etc/letsencrypt/live/hjelpelinje.example/privkey.pem', path.join(v.dir, 'key.pem')],
    ['/var/cache/nginx/hjelpelinje', path.join(v.dir, 'cache')],
    ['/var/log/nginx/hjelpelinje-error.log', path.join(v.dir, 'error.log')],
  ];
  let out = recipe;
  for (const [from, to] of swaps) {
    if (!out.includes(from)) throw new Error(`the recipe no longer holds "${from.trim()}"`);
    out = out.replaceAll(from, to);
  }
  return out;
}

/** The whole nginx.conf: one worker, as nginx's yardstick in the bench, and the recipe in its http block. */
export function recipeNginxConfig(rendered: string, dir: string, runAsRoot: boolean): string {
  return mainConfig({ dir, runAsRoot, errorLevel: 'crit', http: [rendered] });
}

/**
 * Starts nginx with the recipe in front of the app on `appPort` (its main server on `port`, if
 * given); undefined where nginx or openssl is missing. Throws with nginx's own words when the configuration does not load.
 */
export async function startRecipeNginx({ appPort, countPort, port: wanted, tls = true }: { appPort: number; countPort: number; port?: number; tls?: boolean }): Promise<RecipeNginx | undefined> {
  const bin = nginxBinary();
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-nginx-recipe-'));
  try {
    // A certificate for 127.0.0.1, made now, trusted by whoever is handed `ca`.
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=IP:${HOST}`,
        '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      { encoding: 'utf8' },
    );
    if (made.error || made.status !== 0) {
      fs.rmSync(dir, { recursive: true, force: true });
      return undefined;
    }
    makeFolders(dir, ['cache']);
    const [httpPort, port] = [await freePort(), wanted ?? (await freePort())];
    const rendered = renderRecipe(fs.readFileSync(RECIPE, 'utf8'), { appPort, countPort, httpPort, port, dir, tls });
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(conf, recipeNginxConfig(rendered, dir, process.getuid?.() === 0));
    const checked = spawnSync(bin, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
    if (checked.status !== 0) throw new Error(`nginx refused the recipe: ${checked.stderr.trim()}`);
    const child: ChildProcess = spawn(bin, ['-p', dir, '-c', conf], { stdio: 'ignore' });
    await waitForPort(port);
    const close = closer(child, dir);
    return { port, httpPort, ca: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'), dir, close };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function waitForPort(port: number): Promise<void> {
  const net = await import('node:net');
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, HOST, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on ${port}`);
}
