import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, getPage } from './net';

/**
 * App instances for the chat benchmark: `npm start` in child processes on one PostgreSQL
 * database, sharing the secrets (as every instance of a real deployment must), with the chat
 * always open, the start limit per client out of the way (every visitor here is 127.0.0.1)
 * and no scheduled purge. Each child is the server itself (scripts/start.ts serves in its own
 * process), so its pid is where its memory is read; scripts/bench/memory-probe.ts is loaded
 * into it, so that a reading can follow a full garbage collection.
 */
const START_TIMEOUT_MS = 600_000; // the first start may build the app
const POLL_INTERVAL_MS = 500;
const KILL_GRACE_MS = 10_000;

export type Instance = {
  name: string;
  port: number;
  pid: number | undefined;
  /** Resolves once GET / answers 200; rejects when the child exits or the time is up. */
  ready: () => Promise<void>;
  /** Memory still held: after a full garbage collection in the instance (see memory-probe.ts). */
  memory: () => Promise<Memory>;
  /** CPU time the instance's process has used so far (user + system), in ms; null without /proc. */
  cpuMs: () => number | null;
  stop: () => Promise<void>;
  stopNow: () => void;
};

/** In kB. `collected` says whether a full collection preceded the reading (else VmRSS only). */
export type Memory = { rss_kb: number | null; heap_used_kb: number | null; collected: boolean };

/** The environment every instance and the staff command share. */
export function sharedEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(48).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CHAT_HOURS: 'alltid',
    CHAT_START_LIMIT: '100000',
    PURGE_INTERVAL_MINUTES: '0',
  };
  for (const name of ['DATA_DIR', 'PGLITE_DIR', 'DATA_ENCRYPTION_KEYS_OLD', 'TEST_CLOCK_START', 'UNGE_HOST', 'TRUST_PROXY_HOPS', 'SITE_URL']) delete env[name];
  return env;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || exited(child)) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts one instance; its output goes to our stderr, so stdout stays the bench's JSON. */
export async function startInstance(name: string, env: NodeJS.ProcessEnv): Promise<Instance> {
  const port = await freePort();
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hjelpelinje-bench-memory-'));
  const memoryFile = path.join(probeDir, 'memory.json');
  const probe = `./${path.join('scripts', 'bench', 'memory-probe.ts')}`;
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', probe, path.join('scripts', 'start.ts')], {
    cwd: process.cwd(),
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', BENCH_MEMORY_FILE: memoryFile },
    stdio: ['ignore', 2, 2],
    detached: true,
  });
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  process.once('exit', () => {
    signalGroup(child, 'SIGKILL');
    fs.rmSync(probeDir, { recursive: true, force: true });
  });

  const memory = async (): Promise<Memory> => {
    fs.rmSync(memoryFile, { force: true });
    if (child.pid !== undefined && !exited(child)) {
      process.kill(child.pid, 'SIGUSR2');
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        await sleep(100);
        try {
          const usage = JSON.parse(fs.readFileSync(memoryFile, 'utf8')) as { rss: number; heapUsed: number; collected: boolean };
          return { rss_kb: Math.round(usage.rss / 1024), heap_used_kb: Math.round(usage.heapUsed / 1024), collected: usage.collected };
        } catch {
          // Not written yet.
        }
      }
    }
    return { rss_kb: rssKb(child.pid), heap_used_kb: null, collected: false };
  };

  const ready = async () => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (spawnError) throw new Error(`instance ${name} could not be started (${spawnError.message})`);
      if (exited(child)) throw new Error(`instance ${name} exited before it was ready (${child.exitCode ?? child.signalCode})`);
      try {
        if ((await getPage(port, '/', 5_000)).status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(POLL_INTERVAL_MS);
    }
    throw new Error(`instance ${name} did not answer 200 on / within ${START_TIMEOUT_MS / 1000} s`);
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      signalGroup(child, 'SIGTERM');
      if (!(await waitForExit(child, KILL_GRACE_MS))) {
        signalGroup(child, 'SIGKILL');
        await waitForExit(child, KILL_GRACE_MS);
      }
      fs.rmSync(probeDir, { recursive: true, force: true });
    })());
  return { name, port, pid: child.pid, ready, memory, cpuMs: () => cpuMs(child.pid), stop, stopNow: () => signalGroup(child, 'SIGKILL') };
}

/**
 * CPU time of a process (user + system) in ms, from /proc/<pid>/stat, whose fields 14 and 15 count
 * clock ticks of 10 ms (USER_HZ is 100 on Linux). Unlike wall-clock time, it does not grow
 * when other programs on the machine take the cores.
 */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Resident memory of a process in kB (VmRSS in /proc), or null where there is no /proc. */
function rssKb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Adds a chat host with the operator command; resolves with its TOTP secret. */
export function addChatHost(env: NodeJS.ProcessEnv, account: { email: string; name: string; password: string }): Promise<string> {
  const args = ['--import', 'tsx', path.join('scripts', 'staff.ts'), 'add', '--email', account.email, '--name', account.name, '--role', 'chat_host', '--password', account.password];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const secret = /^totp-secret: ([A-Z2-7]+)$/m.exec(stdout)?.[1];
      if (code === 0 && secret) resolve(secret);
      else reject(new Error(`npm run staff -- add failed (${code ?? signal}): ${stderr.trim().slice(0, 300)}`));
    });
  });
}
