import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { getDb } from '@/db/client';
import { createStaff } from '@/db/queries/staff';
import type { StaffRole } from '@/db/schema';
import type { StaffSession, StreamCaller } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import type { Target } from './database-targets';

/**
 * Who is calling, for unit tests of staff actions, pages and route handlers. The code under
 * test asks `@/lib/auth/staff-session`; a test file hands it this module instead, in one line
 * of its own (vi.mock is hoisted per file, so the line cannot live here):
 *
 *   vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
 *
 * Then `signInAs(role)` adds a staff member to the test database and makes them the caller,
 * and `callAs(null)` is a stranger. The three functions below answer as the real ones do for
 * that caller: a session or null, a session or a throw, a stream's caller or null.
 */
let caller: StaffSession | StreamCaller | null = null;

/** A staff member in the test database, without signing them in (a writer, an account to act on). */
export async function staffMember(role: StaffRole, { name }: { name?: string } = {}): Promise<StaffSession> {
  const key = randomUUID().slice(0, 8);
  name ??= `Ansatt ${key}`;
  const { id } = await createStaff(await getDb(), { email: `ansatt-${key}@example.org`, name, role, passwordHash: null, totpSecret: null, now: appClock().now() });
  return { staffId: id, name, role };
}

/** A new staff member with this role, from now on the caller. */
export async function signInAs(role: StaffRole, options: { name?: string } = {}): Promise<StaffSession> {
  const member = await staffMember(role, options);
  caller = member;
  return member;
}

/** This one is the caller from now on (null: nobody is signed in). */
export function callAs(next: StaffSession | StreamCaller | null): void {
  caller = next;
}

const allowed = (roles: readonly string[]) => (caller && roles.includes(caller.role) ? caller : null);

export async function staffAllowed(roles: readonly StaffRole[]): Promise<StaffSession | null> {
  return allowed(roles);
}

/** Turned away by throwing, as the real one does (it redirects or answers 404). */
export async function requireStaff(roles: readonly StaffRole[]): Promise<StaffSession> {
  const found = allowed(roles);
  if (!found) throw new Error('turned away');
  return found;
}

/** A stream's caller carries its session's hash: give callAs a StreamCaller for these tests. */
export async function staffStreamCaller(_request: Request, roles: readonly StaffRole[]): Promise<StreamCaller | null> {
  return allowed(roles) as StreamCaller | null;
}

/**
 * Opens `target` for a describe block whose change names a writer (a staff row it refers to,
 * not the caller): `writer.staffId` is one per database, made by the first test on it rather
 * than in the hook, so a slow migration keeps the hook's time, and forgotten when it closes.
 */
export function openWithWriter(target: Target, writer: { staffId: string }): void {
  // Migrating a fresh PGlite folder takes long on a busy machine; the tests themselves are quick.
  beforeAll(target.open, 180_000);
  afterAll(async () => {
    await target.close();
    writer.staffId = '';
  });
  beforeEach(async () => {
    writer.staffId ||= (await staffMember('admin')).staffId;
  });
}
