import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { PGLITE_TEMPLATE_ENV, POSTGRES_TEMPLATE_ENV } from './e2e-templates';
import { createTestDatabase, testSecrets } from './test-db';

/**
 * For tests that need the app in a particular state (another date, a version published
 * from the command line, a database that goes away): a database of the test's own, the
 * operator commands run against it, and app servers started and stopped on it.
 */
export type TestDatabase = { env: Record<string, string>; dispose: () => Promise<void> };

export async function freshDatabase(testInfo: Pick<TestInfo, 'project'>): Promise<TestDatabase> {
  const admin = process.env.TEST_DATABASE_URL;
  if (testInfo.project.name === 'postgres' && admin) {
    const db = await createTestDatabase(admin, { template: process.env[POSTGRES_TEMPLATE_ENV] });
    return { env: { DATABASE_URL: db.url, ...testSecrets }, dispose: db.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hjelpelinje-test-'));
  // A copy of the run's migrated folder (test/e2e-templates.ts), secrets included.
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (template) fs.cpSync(template, dir, { recursive: true });
  return { env: { DATA_DIR: dir }, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', INQUIRY_RATE_LIMIT: '1000', ...extra };
  delete env.E2E_ADMIN_DATABASE_URL;
  return env;
}

/** Runs an operator command in scripts/ (or a file, given its path) and returns what it printed. */
export function runScript(script: string, args: string[], env: Record<string, string>) {
  const file = script.includes('/') ? script : `scripts/${script}.ts`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
    env: baseEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `pid`: the server's own process (for tests that watch its memory in /proc). */
export type RunningApp = { baseURL: string; pid: number; stop: () => Promise<void>; output: () => string };

/** `port`: start on this one (to bring an instance back where its browsers expect it). */
export async function startApp(env: Record<string, string>, { port }: { port?: number } = {}): Promise<RunningApp> {
  return spawnApp(['--import', 'tsx', 'test/serve.ts'], env, port);
}

/**
 * The same build started the way `npm start` starts it (scripts/start.ts: our HTTP server),
 * or with plain `next start` and nothing of ours around it. `next start` neither migrates nor
 * makes secrets, so the database is migrated first and the secrets come with `env`.
 */
export async function startAs(how: 'npm start' | 'next start', env: Record<string, string>): Promise<RunningApp> {
  if (how === 'npm start') return spawnApp(['--import', 'tsx', 'scripts/start.ts'], env, undefined, 180_000);
  const migrated = runScript('migrate', [], env);
  if (migrated.status !== 0) throw new Error(`migrations failed:\n${migrated.stdout}${migrated.stderr}`);
  const port = await freePort();
  const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next');
  const site = `http://127.0.0.1:${port}`;
  return spawnApp([nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { ...env, SITE_URL: site, AUTH_URL: `${site}/api/auth` }, port, 180_000);
}

/**
 * Starts `node <args>` and waits until its front page answers (or throws, with its output).
 * The port comes from freePort(), which closes it again before the app binds it, so another
 * process may take it in between: the app is only counted as up once it has said it listens
 * on that port (both our start and `next start` print it) and is still running, and an app
 * that found its port taken is started again on another.
 */
async function spawnApp(args: string[], env: Record<string, string>, wanted?: number, waitMs = 90_000, attempt = 1): Promise<RunningApp> {
  const port = wanted ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, args, {
    env: baseEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + waitMs;
  for (let up = false; !up; ) {
    if (child.exitCode !== null) {
      if (wanted === undefined && attempt < 3 && /already in use|EADDRINUSE/.test(output)) return spawnApp(args, env, undefined, waitMs, attempt + 1);
      throw new Error(`the app exited early:\n${output}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app did not answer within ${waitMs / 1000} s:\n${output}`);
    }
    try {
      up = output.includes(`:${port}`) && (await fetch(`${baseURL}/`)).ok && child.exitCode === null;
    } catch {
      // not listening yet
    }
    if (!up) await new Promise((r) => setTimeout(r, 250));
  }
  // stop() may be called again, or after the process is gone (by its own exit or by a signal,
  // when exitCode stays null): every call waits for the same exit, which is seen from the start.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    })());
  return { baseURL, pid: child.pid!, stop, output: () => output };
}
