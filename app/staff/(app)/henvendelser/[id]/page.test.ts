import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import InquiryPage from './page';

// The page asks the session who is calling; these tests say who it is. A caller the page may
// not show it to is turned away the way requireStaff does it: by throwing.
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

async function newInquiry() {
  const input = inquiryInput({ name: 'Kari Nordmann', message: 'Sønnen min blir mobbet.' });
  return createInquiry(await getDb(), { input, privacyVersion: 1, now: appClock().now() });
}

const open = (id: string) => InquiryPage({ params: Promise.resolve({ id }) });

describe.each(databaseTargets())('opening an inquiry on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('writes one view to the access log per opening: who, which inquiry, no content @claim:tilgangslogg', async () => {
    const { id } = await newInquiry();
    const adviser = await signInAs('adviser');
    await open(id);
    const admin = await signInAs('admin');
    await open(id);
    expect(await accessLogFor(id)).toEqual([loggedEvent(adviser.staffId, 'inquiry_view', 'inquiry', id), loggedEvent(admin.staffId, 'inquiry_view', 'inquiry', id)]);
  });

  it('logs nothing for a chat host, a stranger or an inquiry that is not there', async () => {
    const { id } = await newInquiry();
    for (const caller of [null, await staffMember('chat_host')]) {
      callAs(caller);
      await expect(open(id)).rejects.toThrow('turned away');
    }
    await signInAs('adviser');
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(open(missing)).rejects.toThrow();
    expect(await accessLogFor(id)).toEqual([]);
    expect(await accessLogFor(missing)).toEqual([]);
  });
});
