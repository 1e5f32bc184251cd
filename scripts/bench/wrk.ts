import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { HOST } from './net';

/**
 * wrk, when it is installed (Debian: `apt-get install wrk`; WRK_BIN names another): a load
 * generator in C, two threads and 50 connections by default, as the issue measured. The bench's
 * own generator runs in Node and on a fast server it is the bottleneck itself, so the ratio to
 * nginx is read with wrk. Only 127.0.0.1 is contacted.
 */
export type WrkResult = { rps: number; p50_ms: number; p99_ms: number; requests: number; non_2xx: number; socket_errors: number };

export function wrkBinary(): string | undefined {
  const configured = process.env.WRK_BIN;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  return ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function ms(value: string, unit: string): number {
  return Math.round(Number(value) * (UNIT_MS[unit] ?? NaN) * 1000) / 1000;
}

/** Reads wrk's `--latency` report. Pure, so it is tested on a real report's text. */
export function parseWrk(output: string): WrkResult {
  const latency = (pct: string) => {
    const m = output.match(new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'));
    if (!m) throw new Error(`wrk printed no ${pct}% latency`);
    return ms(m[1]!, m[2]!);
  };
  const rps = output.match(/^Requests\/sec:\s+([\d.]+)/m);
  const total = output.match(/^\s*(\d+) requests in /m);
  if (!rps || !total) throw new Error('wrk printed no request rate');
  const non2xx = output.match(/^\s*Non-2xx or 3xx responses:\s+(\d+)/m);
  const socket = output.match(/^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/m);
  return {
    rps: Math.round(Number(rps[1]) * 10) / 10,
    p50_ms: latency('50'),
    p99_ms: latency('99'),
    requests: Number(total[1]),
    non_2xx: non2xx ? Number(non2xx[1]) : 0,
    socket_errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

export async function runWrk(
  bin: string,
  {
    port,
    path,
    seconds,
    threads = 2,
    connections = 50,
    headers = {},
    script,
    timeoutSeconds,
  }: { port: number; path: string; seconds: number; threads?: number; connections?: number; headers?: Record<string, string>; script?: string; timeoutSeconds?: number },
): Promise<WrkResult> {
  const args = [`-t${threads}`, `-c${connections}`, `-d${Math.max(1, Math.round(seconds))}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  // A Lua script of wrk's (`-s`), e.g. one that picks each request's path.
  if (script) args.push('-s', script);
  // wrk gives up on a request after 2 s unless told otherwise, and counts it as a socket error.
  if (timeoutSeconds) args.push('--timeout', `${timeoutSeconds}s`);
  args.push(`http://${HOST}:${port}${path}`);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${out.trim().split('\n').at(-1) ?? ''}`))));
  });
  return parseWrk(output);
}
