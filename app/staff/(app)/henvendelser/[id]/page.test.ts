import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { createStaff } from '@/db/queries/staff';
import type { StaffRole } from '@/db/schema';
import type { StaffSession } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import InquiryPage from './page';

// The page asks the session who is calling; these tests say who it is. A caller the page may
// not show it to is turned away the way requireStaff does it: by throwing.
const session = vi.hoisted(() => ({ caller: null as StaffSession | null }));
vi.mock('@/lib/auth/staff-session', () => ({
  requireStaff: async (roles: readonly string[]) => {
    if (!session.caller || !roles.includes(session.caller.role)) throw new Error('turned away');
    return session.caller;
  },
}));

let staffCount = 0;
async function signedIn(role: StaffRole): Promise<StaffSession> {
  const name = `Ansatt ${++staffCount}`;
  const { id } = await createStaff(await getDb(), { email: `visning${staffCount}@example.org`, name, role, passwordHash: null, totpSecret: null, now: appClock().now() });
  return { staffId: id, name, role };
}

async function newInquiry() {
  const input = { name: 'Kari Nordmann', email: 'kari@example.org', phone: '', contactBy: 'epost' as const, relation: 'forelder' as const, audience: 'pa-skolen' as const, message: 'Sønnen min blir mobbet.', declineJournal: false };
  return createInquiry(await getDb(), { input, privacyVersion: 1, now: appClock().now() });
}

const open = (id: string) => InquiryPage({ params: Promise.resolve({ id }) });

describe.each(databaseTargets())('opening an inquiry on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('writes one view to the access log per opening: who, which inquiry, no content', async () => {
    const { id } = await newInquiry();
    const adviser = (session.caller = await signedIn('adviser'));
    await open(id);
    const admin = (session.caller = await signedIn('admin'));
    await open(id);
    expect(await accessLogFor(id)).toEqual([loggedEvent(adviser.staffId, 'inquiry_view', 'inquiry', id), loggedEvent(admin.staffId, 'inquiry_view', 'inquiry', id)]);
  });

  it('logs nothing for a chat host, a stranger or an inquiry that is not there', async () => {
    const { id } = await newInquiry();
    for (const caller of [null, await signedIn('chat_host')]) {
      session.caller = caller;
      await expect(open(id)).rejects.toThrow('turned away');
    }
    session.caller = await signedIn('adviser');
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(open(missing)).rejects.toThrow();
    expect(await accessLogFor(id)).toEqual([]);
    expect(await accessLogFor(missing)).toEqual([]);
  });
});
