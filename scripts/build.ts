import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeStamp } from './build-stamp';

/** `next build`, then a stamp so `npm start` knows the build matches the sources. */
export function build(dir = process.cwd()): void {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: dir, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
  writeStamp(dir);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
