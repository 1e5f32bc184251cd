import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { markHandedOver, placeHold } from '@/db/queries/holds';
import { createInquiry } from '@/db/queries/inquiries';
import { accessLog } from '@/db/schema';
import { appClock } from '@/lib/clock';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { GET } from './route';

vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const message = 'Hei.\nJeg er bekymret for sønnen min.';
async function heldInquiry() {
  const db = await getDb();
  const now = appClock().now();
  const input = inquiryInput({ name: 'Kari Nordmann', message });
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
    const admin = await signInAs('admin');
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
    for (const caller of [null, await staffMember('adviser'), await staffMember('chat_host')]) {
      callAs(caller);
      const res = await download(holdId);
      expect(res.status).toBe(403);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(await res.text()).not.toContain('Kari');
    }
    await signInAs('admin');
    expect((await download(holdId, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await exportsOf(id)).toEqual([]);
  });

  it('has nothing to export once the inquiry is handed over, or for an unknown hold', async () => {
    await signInAs('admin');
    const { id, holdId } = await heldInquiry();
    await markHandedOver(await getDb(), { objectType: 'inquiry', objectId: id, now: appClock().now() });
    expect((await download(holdId)).status).toBe(404);
    expect((await download('not-a-uuid')).status).toBe(404);
    expect((await download('00000000-0000-4000-8000-000000000000', {})).status).toBe(404);
    expect(await exportsOf(id)).toEqual([]);
  });
});
