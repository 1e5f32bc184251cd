import { processWide } from '@/lib/process-wide';

/**
 * The transparency page's numbers, kept in memory so that the page (public, and the same for
 * everyone) does not read the database on every request. One per process, since the page and
 * the purge schedule (started by instrumentation.ts) run in separate copies of the code: a
 * purge run in this process forgets the numbers, so this instance shows them fresh at once;
 * other instances, and runs of `npm run purge`, are seen within MAX_AGE_MS.
 *
 * No database import here: the purge imports this from the command line too.
 */
const MAX_AGE_MS = 60 * 60_000;

type Entry<T> = { key: string; at: number; value: Promise<T> };
type Store = { entry?: Entry<unknown> };

const store = () => processWide<Store>('transparency-numbers', () => ({}));

/**
 * The value kept under `key` if it is younger than MAX_AGE_MS, else `load()`'s, kept from now
 * on. Callers at the same time share one load; a failed load is not kept.
 */
export function cachedNumbers<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const s = store();
  const entry = s.entry as Entry<T> | undefined;
  if (entry && entry.key === key && now - entry.at < MAX_AGE_MS) return entry.value;
  const fresh: Entry<T> = { key, at: now, value: load() };
  s.entry = fresh;
  fresh.value.catch(() => {
    if (s.entry === fresh) s.entry = undefined;
  });
  return fresh.value;
}

/** After a purge run in this process: the next page shows what it deleted and when it ran. */
export function forgetTransparencyNumbers(): void {
  store().entry = undefined;
}
