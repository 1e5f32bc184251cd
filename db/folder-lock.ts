import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite lets only one process use a data folder; a second one would corrupt it. We write
 * our process id beside the folder and refuse to open it while another live process holds it.
 */
export class FolderInUseError extends Error {
  constructor(readonly pid: number) {
    super(`The embedded database is in use by process ${pid}`);
    this.name = 'FolderInUseError';
  }
}

export function lockFileFor(dir: string): string {
  return path.join(path.dirname(dir), `${path.basename(dir)}.pid`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live process that holds the folder, if any. */
function folderHolder(dir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(lockFileFor(dir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function claimDataFolder(dir: string): void {
  const holder = folderHolder(dir);
  if (holder) throw new FolderInUseError(holder);
  const file = lockFileFor(dir);
  fs.writeFileSync(file, String(process.pid));
  process.once('exit', () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  });
}
