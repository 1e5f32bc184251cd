/**
 * The day the test databases are installed as of: version 1 of the privacy statement was out,
 * version 2 not yet. A test database is therefore an installation from before version 2, and
 * an app started on it at today's date publishes version 2 with its 14 days' notice, as every
 * installation that existed then does (db/seed.ts). Fixed, so no test depends on today's date.
 */
export const TEST_SEED_TIME = '2026-12-01T00:00:00+01:00';
