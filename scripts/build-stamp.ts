import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm start` builds only when the sources differ from the last build: the stamp is a hash
 * of every file that goes into the build (tests left out), written beside Next's output.
 */
const roots = ['app', 'components', 'content', 'db', 'lib', 'public'];
const files = ['next.config.ts', 'proxy.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'package.json'];
/**
 * Settings the prerendered pages are built with (the quick-exit target, the e-mail in the
 * footer): a changed value makes the build out of date, so the next `npm start` rebuilds.
 */
const buildSettings = ['QUICK_EXIT_URL', 'CONTACT_EMAIL'];
const stampFile = (dir: string) => path.join(dir, '.next', 'hjelpelinje-build-stamp');

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
}

export function sourceHash(dir: string): string {
  const list: string[] = [];
  for (const root of roots) walk(path.join(dir, root), list);
  for (const f of files) if (fs.existsSync(path.join(dir, f))) list.push(path.join(dir, f));
  const hash = createHash('sha256');
  for (const file of list.sort()) {
    hash.update(path.relative(dir, file));
    hash.update(fs.readFileSync(file));
  }
  for (const name of buildSettings) hash.update(`\0${name}=${process.env[name] ?? ''}`);
  return hash.digest('hex');
}

export function buildIsCurrent(dir: string): boolean {
  try {
    return (
      fs.existsSync(path.join(dir, '.next', 'BUILD_ID')) && fs.readFileSync(stampFile(dir), 'utf8') === sourceHash(dir)
    );
  } catch {
    return false;
  }
}

/**
 * Runs a build and stamps it with the sources as they were when it began: a file saved while
 * the build runs may or may not be in it, so it leaves the stamp behind and the next start
 * builds again. Returns what `run` returned; a failed build leaves the old stamp.
 */
export function stampedBuild(dir: string, run: () => boolean): boolean {
  const hash = sourceHash(dir);
  if (!run()) return false;
  fs.writeFileSync(stampFile(dir), hash);
  return true;
}
