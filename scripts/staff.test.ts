import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { lockFileFor } from '@/db/folder-lock';
import { findStaffByEmail } from '@/db/queries/staff';
import { env } from '@/lib/env';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';

/**
 * `npm run staff -- add` changes who has access, from the command line, so it writes a
 * staff_change row like the admin page does; there is no signed-in person, so no staff id.
 */
const run = promisify(execFile);
const tsx = path.resolve(import.meta.dirname, '../node_modules/.bin/tsx');

async function addStaff(args: string[]): Promise<string> {
  // The embedded database allows one process at a time: this one lets go of it, and of its
  // claim on the folder (kept until exit otherwise), so the command can have it.
  await closeDb();
  if (!env().DATABASE_URL) fs.rmSync(lockFileFor(env().pgliteDir), { force: true });
  const { stdout } = await run(tsx, [path.resolve(import.meta.dirname, 'staff.ts'), 'add', ...args], { env: process.env, timeout: 60_000 });
  return stdout;
}

describe.each(databaseTargets())('npm run staff on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('adding an account with an invitation or with a password logs one staff_change row each, with no actor', async () => {
    expect(await addStaff(['--email', 'ny.vert@example.org', '--name', 'Ny Vert', '--role', 'chat_host'])).toContain('/staff/oppsett/');
    expect(await addStaff(['--email', 'ny.radgiver@example.org', '--name', 'Ny Rådgiver', '--role', 'adviser', '--password', 'fjellbekk-tåkelur-91'])).toContain('totp-secret: ');
    for (const email of ['ny.vert@example.org', 'ny.radgiver@example.org']) {
      const id = (await findStaffByEmail(await getDb(), email))!.id;
      expect(await accessLogFor(id)).toEqual([loggedEvent(null, 'staff_change', 'staff', id)]);
    }
  });
});
