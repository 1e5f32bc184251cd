import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { createJournalEntry } from '@/db/queries/journal';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import JournalPage from './page';

// The page asks the session who is calling; these tests say who it is. A caller the page may
// not show it to is turned away the way requireStaff does it: by throwing.
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

async function newJournal(): Promise<string> {
  const db = await getDb();
  const now = appClock().now();
  const input = inquiryInput();
  const inquiry = await createInquiry(db, { input, privacyVersion: 1, now });
  const writer = await staffMember('adviser');
  const written = await createJournalEntry(db, { source: { type: 'inquiry', id: inquiry.id }, person: { name: 'Ingrid Hansen', details: null }, text: 'Moren ringte.', writer, now });
  if (!written.ok) throw new Error('not written');
  return written.personId;
}

const open = (id: string) => JournalPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) });

describe.each(databaseTargets())('opening a journal on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('writes one view to the access log per opening: who, which journal, no content', async () => {
    const personId = await newJournal();
    const adviser = await signInAs('adviser');
    await open(personId);
    expect(await accessLogFor(personId)).toEqual([loggedEvent(adviser.staffId, 'journal_view', 'journal', personId)]);
  });

  it('logs nothing for a chat host, a stranger or a journal that is not there', async () => {
    const personId = await newJournal();
    for (const caller of [null, await staffMember('chat_host')]) {
      callAs(caller);
      await expect(open(personId)).rejects.toThrow('turned away');
    }
    await signInAs('admin');
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(open(missing)).rejects.toThrow();
    expect(await accessLogFor(personId)).toEqual([]);
    expect(await accessLogFor(missing)).toEqual([]);
  });
});
