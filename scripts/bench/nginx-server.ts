import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { freePort, getPage, HOST } from './net';

/**
 * The yardstick the issue names: nginx serving the app's own page as a static file, one worker
 * process (the app is one Node process), keep-alive, no access log, a precompressed gzip copy
 * for clients that accept it (gzip_static). Only when an `nginx` binary
 * is installed (Debian: `apt-get install nginx`; NGINX_BIN names another); otherwise the bench
 * reports it as skipped. Files, temp folders, pid and error log live in a folder of its own,
 * removed on close; nothing listens anywhere but 127.0.0.1.
 */
export type NginxServer = { port: number; close: () => Promise<void> };

const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx'];

export function nginxBinary(): string | undefined {
  const configured = process.env.NGINX_BIN;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

const TEMP = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/**
 * A whole nginx.conf around the lines of its `http` block, as every nginx here runs: in the
 * foreground, one worker (the app is one Node process), with its pid, error log and temporary
 * folders (makeFolders) in `dir`. Shared with the recipe's nginx (nginx-recipe.ts).
 */
export function mainConfig({ dir, runAsRoot, errorLevel, http }: { dir: string; runAsRoot: boolean; errorLevel: 'error' | 'crit'; http: string[] }): string {
  return [
    // As root, workers would switch to `nobody`, who cannot read a private temporary folder.
    ...(runAsRoot ? ['user root;'] : []),
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} ${errorLevel};`,
    'events { worker_connections 4096; }',
    'http {',
    ...TEMP.map((t) => `  ${t}_temp_path ${path.join(dir, 'temp', t)};`),
    ...http,
    '}',
    '',
  ].join('\n');
}


/** The temporary folders mainConfig names, and `more` beside them, made in `dir`. */
export function makeFolders(dir: string, more: string[] = []): void {
  for (const t of TEMP) fs.mkdirSync(path.join(dir, 'temp', t), { recursive: true });
  for (const m of more) fs.mkdirSync(path.join(dir, m), { recursive: true });
}

/** The configuration, pure so it can be read in a test. Query strings are ignored, as for any static file. */
export function nginxConfig({ dir, port, runAsRoot }: { dir: string; port: number; runAsRoot: boolean }): string {
  return mainConfig({
    dir,
    runAsRoot,
    errorLevel: 'error',
    http: [
      '  access_log off;',
      '  keepalive_requests 1000000;',
      '  keepalive_timeout 30s;',
      '  server {',
      `    listen ${HOST}:${port};`,
      `    root ${path.join(dir, 'root')};`,
      '    location / {',
      '      default_type "text/html; charset=utf-8";',
      '      try_files $uri $uri/index.html =404;',
      // A gzip copy sits beside the page, as a site serving static files would keep one.
      '      gzip_static on;',
      '    }',
      '  }',
    ],
  });
}

/** Stops an nginx started here, waiting for it to exit, and removes its folder. */
export function closer(child: ChildProcess, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** Where a page's bytes go under the root: `/` is index.html, `/a/b` is a/b/index.html. */
export function fileFor(root: string, pagePath: string): string {
  const clean = pagePath.split('?')[0]!.replace(/^\/+|\/+$/g, '');
  return path.join(root, clean, 'index.html');
}

export async function startNginxServer(pagePath: string, html: Buffer): Promise<NginxServer | undefined> {
  const bin = nginxBinary();
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-bench-nginx-'));
  const file = fileFor(path.join(dir, 'root'), pagePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(html, { level: 9 }));
  makeFolders(dir);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig({ dir, port, runAsRoot: process.getuid?.() === 0 }));
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const close = closer(child, dir);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`nginx exited (${child.exitCode}): ${stderr.trim().split('\n').at(-1) ?? ''}`);
    }
    try {
      const page = await getPage(port, pagePath, 1_000);
      if (page.status === 200) return { port, close };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error('nginx did not answer within 10 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
