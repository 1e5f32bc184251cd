import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { markHandedOver, placeHold } from '@/db/queries/holds';
import { createInquiry } from '@/db/queries/inquiries';
import { createStaff } from '@/db/queries/staff';
import { accessLog, type StaffRole } from '@/db/schema';
import type { StaffSession } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { databaseTargets } from '@/test/database-targets';
import { GET } from './route';

const session = vi.hoisted(() => ({ caller: null as StaffSession | null }));
vi.mock('@/lib/auth/staff-session', () => ({
  staffAllowed: async (roles: readonly string[]) => (session.caller && roles.includes(session.caller.role) ? session.caller : null),
}));

const message = 'Hei.\nJeg er bekymret for sønnen min.';
let staffCount = 0;
async function signedIn(role: StaffRole): Promise<StaffSession> {
  const name = `Ansatt ${++staffCount}`;
  const { id } = await createStaff(await getDb(), { email: `eks${staffCount}@example.org`, name, role, passwordHash: null, totpSecret: null, now: appClock().now() });
  return { staffId: id, name, role };
}

async function heldInquiry() {
  const db = await getDb();
  const now = appClock().now();
  const input = { name: 'Kari Nordmann', email: 'kari@example.org', phone: '', contactBy: 'epost' as const, relation: 'forelder' as const, audience: 'pa-skolen' as const, message, declineJournal: false };
  const inquiry = await createInquiry(db, { input, privacyVersion: 1, now });
  const hold = await placeHold(db, { objectType: 'inquiry', objectId: inquiry.id, reference: 'Politiet 27/1234', reason: 'Etterforskning', placedBy: null, now });
  return { ...inquiry, holdId: hold.id };
}

const download = (holdId: string, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
  GET(new Request(`http://localhost/staff/bevaring/${holdId}/eksport`, { headers }), { params: Promise.resolve({ id: holdId }) });

const exportsOf = async (objectId: string) =>
  (await (await getDb()).select({ action: accessLog.action, staffId: accessLog.staffId }).from(accessLog).where(eq(accessLog.objectId, objectId))).filter((r) => r.action === 'export');

describe.each(databaseTargets())('exporting a held inquiry on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('gives an admin a private download with the message and the reference, and logs it', async () => {
    const admin = (session.caller = await signedIn('admin'));
    const { id, reference, holdId } = await heldInquiry();
    const res = await download(holdId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="henvendelse-${reference}.txt"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const text = await res.text();
    expect(text).toContain(`Referansekode: ${reference}`);
    expect(text).toContain(message);
    expect(text).toContain('Politiets referanse: Politiet 27/1234');
    expect(await exportsOf(id)).toEqual([{ action: 'export', staffId: admin.staffId }]);
  });

  it('refuses anyone but an admin, and a download started from another site, with nothing logged', async () => {
    const { id, holdId } = await heldInquiry();
    for (const caller of [null, await signedIn('adviser'), await signedIn('chat_host')]) {
      session.caller = caller;
      const res = await download(holdId);
      expect(res.status).toBe(403);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(await res.text()).not.toContain('Kari');
    }
    session.caller = await signedIn('admin');
    expect((await download(holdId, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await exportsOf(id)).toEqual([]);
  });

  it('has nothing to export once the inquiry is handed over, or for an unknown hold', async () => {
    session.caller = await signedIn('admin');
    const { id, holdId } = await heldInquiry();
    await markHandedOver(await getDb(), { objectType: 'inquiry', objectId: id, now: appClock().now() });
    expect((await download(holdId)).status).toBe(404);
    expect((await download('not-a-uuid')).status).toBe(404);
    expect((await download('00000000-0000-4000-8000-000000000000', {})).status).toBe(404);
    expect(await exportsOf(id)).toEqual([]);
  });
});
