import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

/**
 * Opening-hours coverage, end to end: the app's own clock counts a minute as open and, while a
 * host has the chat workbench open, as staffed; the database then holds two numbers for the day
 * and the last minute counted, and nothing that says who was on duty.
 */
type Dump = Record<string, Record<string, unknown>[]>;

test('a minute with a host on the workbench is counted as open and staffed, and names nobody', async ({ staffPage, ownDatabase: db, startOwnApp }) => {
  test.setTimeout(180_000);
  const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Hanne Vert' });
  const app = await startOwnApp({ CHAT_HOURS: 'alltid', PURGE_INTERVAL_MINUTES: '0' });

  const console_ = await staffPage(app.baseURL, host);
  await console_.goto(`${app.baseURL}/staff/chat`);
  await expect(console_.getByText('Tilkoblet.')).toBeVisible();
  // The clock counts one second into each minute: wait until the next count has run.
  const nextCount = Math.ceil(Date.now() / 60_000) * 60_000 + 4_000;
  await console_.waitForTimeout(nextCount - Date.now());
  await console_.close();
  await app.stop();

  const dumped = runScript('test/dump-db.ts', [], db.env);
  expect(dumped.status, dumped.stderr).toBe(0);
  const dump = JSON.parse(dumped.stdout) as Dump;
  const days = dump['public.daily_chat_coverage'] ?? [];
  expect(days.length).toBeGreaterThanOrEqual(1);
  const open = days.reduce((n, r) => n + Number(r['open_minutes']), 0);
  const staffed = days.reduce((n, r) => n + Number(r['staffed_minutes']), 0);
  expect(staffed).toBeGreaterThanOrEqual(1);
  expect(staffed).toBeLessThanOrEqual(open);
  for (const row of days) expect(Object.keys(row).sort()).toEqual(['day', 'open_minutes', 'staffed_minutes']);
  const [clock] = dump['public.chat_coverage_clock'] ?? [];
  expect(Object.keys(clock ?? {}).sort()).toEqual(['id', 'last_open_minute', 'last_staffed_minute']);
  for (const at of [clock?.['last_open_minute'], clock?.['last_staffed_minute']]) expect(new Date(String(at)).getUTCSeconds()).toBe(0);
  // Nothing of the host in the coverage tables.
  const coverage = JSON.stringify({ days, clock });
  const [staff] = (dump['public.staff'] ?? []).filter((r) => r['email'] === 'vert@example.org');
  expect(staff).toBeDefined();
  for (const value of [staff?.['id'], 'vert@example.org', 'Hanne']) expect(coverage).not.toContain(String(value));
});
