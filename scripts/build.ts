import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { collectContent } from '../lib/content/load';
import { dueForReview, reviewWarning } from '../lib/content/review';
import { stampedBuild } from './build-stamp';

/** `next build`, then a stamp so `npm start` knows the build matches the sources. */
export function build(dir = process.cwd()): void {
  warnAboutReviews(dir);
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  let status: number | null = null;
  const built = stampedBuild(dir, () => {
    status = spawnSync(process.execPath, [nextBin, 'build'], { cwd: dir, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }).status;
    return status === 0;
  });
  if (!built) {
    console.error('The build failed; see the messages above.');
    process.exit(status ?? 1);
  }
}

/**
 * Pages an editor has not checked against their sources for twelve months still build, with a
 * warning naming each one. Content errors are left to `next build`, which stops on them.
 */
function warnAboutReviews(dir: string): void {
  const { content } = collectContent(path.join(dir, 'content'));
  const warning = content && reviewWarning(dueForReview(content, new Date()));
  if (warning) console.warn(`\n${warning}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
