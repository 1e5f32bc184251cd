/**
 * Counts the statements a drizzle database is asked to run: each select, insert, update,
 * delete and execute is one, a transaction two more (begin, commit). For tests that promise a
 * number of queries, whatever the database behind it.
 */
export type QueryCounter = { n: number };

const counted = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete', 'execute']);
const proxies = new WeakMap<object, object>();

export function countingDb<T extends object>(db: T, counter: QueryCounter): T {
  const known = proxies.get(db);
  if (known) return known as T;
  const proxy = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && counted.has(prop)) {
        return (...args: unknown[]) => {
          counter.n++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (prop === 'transaction') {
        return (fn: (tx: object) => unknown, ...rest: unknown[]) => {
          counter.n += 2;
          return (value as (...a: unknown[]) => unknown).apply(target, [(tx: object) => fn(countingDb(tx, counter)), ...rest]);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  proxies.set(db, proxy);
  return proxy;
}
