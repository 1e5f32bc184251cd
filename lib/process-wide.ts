/**
 * State there must be exactly one of in a process: the database pool (and, with PGlite, the
 * one client a data folder allows), the LISTEN connection of the chat bus, the count of open
 * event streams, the rate limiters, the mail notifier, the purge schedule.
 *
 * A module variable is not enough for these. Next compiles the proxy, `instrumentation.ts`
 * and the routes as separate server entries, and two entries that import the same file are
 * not promised one instance of it (vercel/next.js#65350, #69544: "for process-local
 * coordination, use globalThis"); in development a hot reload evaluates a module again; and
 * our own server (`lib/server/`) imports a few of them outside Next's bundle. So each lives in
 * one map on `globalThis`, under the one key below, created by whichever copy asks first.
 *
 * Everything else stays in plain modules: a value any copy would compute the same way (the
 * keyring, the clock) needs no sharing.
 */
const KEY = Symbol.for('hjelpelinje.process-wide');

type Registry = Map<string, unknown>;

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= new Map());
}

/** The process's one `name`, made by `create` the first time any copy of the code asks. */
export function processWide<T>(name: string, create: () => T): T {
  const r = registry();
  if (!r.has(name)) r.set(name, create());
  return r.get(name) as T;
}

/** Replaces the process's `name` (or forgets it with `undefined`): for a failed open to be retried. */
export function setProcessWide<T>(name: string, value: T | undefined): void {
  if (value === undefined) registry().delete(name);
  else registry().set(name, value);
}

/** The process's `name` if one has been made, without making it. */
export function peekProcessWide<T>(name: string): T | undefined {
  return registry().get(name) as T | undefined;
}
