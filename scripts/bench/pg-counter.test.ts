import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgCounter, startPgCounter, throughCounter } from './pg-counter';

/**
 * The bench's counting relay, against a real PostgreSQL server (TEST_DATABASE_URL; skipped
 * without one): the bytes pass through unchanged and each statement is counted once, whichever
 * protocol the driver chose for it.
 */
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('the counting relay in front of PostgreSQL', () => {
  let counter: PgCounter;
  let client: pg.Client;

  beforeAll(async () => {
    const target = new URL(url!);
    counter = await startPgCounter({ host: target.hostname, port: Number(target.port || 5432) });
    client = new pg.Client({ connectionString: throughCounter(url!, counter) });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await counter?.close();
  });

  it('counts a plain query, a query with parameters and a transaction by statements', async () => {
    const start = counter.statements();
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    expect(counter.statements() - start).toBe(1);

    const text = 'æøå '.repeat(5_000); // spans several TCP chunks
    const echoed = await client.query<{ t: string }>('select $1::text as t', [text]);
    expect(echoed.rows[0]!.t).toBe(text);
    expect(counter.statements() - start).toBe(2);

    await client.query('begin');
    await client.query('select $1::int + 1 as n', [41]);
    await client.query('commit');
    expect(counter.statements() - start).toBe(5);
  });

  it('counts every connection', async () => {
    const other = new pg.Client({ connectionString: throughCounter(url!, counter) });
    await other.connect();
    const start = counter.statements();
    await Promise.all([other.query('select 1'), client.query('select 2')]);
    await other.end();
    expect(counter.statements() - start).toBe(2);
    expect(counter.connections()).toBe(2);
  });
});
