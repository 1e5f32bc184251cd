import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { createStaff, createStaffToken, findStaffByEmail, saveSecondFactor } from '@/db/queries/staff';
import { staffRoles, type StaffRole } from '@/db/schema';
import { checkPasswordPolicy, hashPassword } from '@/lib/auth/password';
import { newTotpSecret } from '@/lib/auth/totp';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { die, prepareDatabase, prepareEnv } from './prepare-runtime';

/**
 * `npm run staff -- add --email E --name N --role admin|adviser|chat_host|course_admin [--password P]`
 * With --password the account is ready at once, and its second-factor secret is printed once
 * as `totp-secret: <base32>`; without, an invitation link is printed for the person to choose
 * a password and set up the second factor themselves.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
});
if (positionals[0] !== 'add') die('usage: staff add --email E --name N --role admin|adviser|chat_host|course_admin [--password P]');
const email = (values.email ?? '').trim().toLowerCase();
const name = (values.name ?? '').trim();
const role = values.role as StaffRole;
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) die('--email must be an e-mail address.');
if (!name) die('--name is required.');
if (!staffRoles.includes(role)) die(`--role must be one of ${staffRoles.join(', ')}.`);
if (values.password !== undefined) {
  const policy = checkPasswordPolicy(values.password, { email, name });
  if (!policy.ok) die(policy.message);
}

prepareEnv();
await prepareDatabase();
const db = await getDb();
const now = appClock().now();
if (await findStaffByEmail(db, email)) {
  await closeDb();
  die(`a staff member with e-mail ${email} exists already.`);
}
if (values.password !== undefined) {
  const secret = newTotpSecret();
  const { id } = await createStaff(db, { email, name, role, passwordHash: await hashPassword(values.password), totpSecret: null, now });
  // A new account: nothing to unlock and no step used yet, so this stores the secret alone.
  await saveSecondFactor(db, { staffId: id, secret, lastStep: null });
  await logAccess(db, { staffId: null, action: 'staff_change', objectType: 'staff', objectId: id, now });
  console.log(`Added ${name} (${role}). Add this secret to an authenticator app; it is not shown again.`);
  console.log(`totp-secret: ${secret}`);
} else {
  const { id } = await createStaff(db, { email, name, role, passwordHash: null, totpSecret: null, now });
  const token = await createStaffToken(db, { purpose: 'invite', staffId: id, now, hours: 72 });
  await logAccess(db, { staffId: null, action: 'staff_change', objectType: 'staff', objectId: id, now });
  console.log(`Added ${name} (${role}). Send them this link (valid for 72 hours):`);
  console.log(`${env().SITE_URL}/staff/oppsett/${token}`);
}
await closeDb();
