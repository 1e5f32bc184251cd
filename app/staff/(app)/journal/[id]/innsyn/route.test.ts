import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { correctJournalEntry, createJournalEntry, removeJournalEntry } from '@/db/queries/journal';
import { appClock } from '@/lib/clock';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { GET } from './route';

vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));

const MINUTE = 60_000;
const FIRST = 'Faren fortalte at datteren hadde tatt en overdose i helgen.';
const SECOND = 'Faren fortalte at datteren var innlagt etter en overdose i helgen.';
const REASON = 'Faren rettet opplysningen i en ny samtale.';
const GONE = 'Opplysning om søsteren, som hun ikke ville skulle stå her.';
const REMOVAL = 'Krav fra personen, vurdert og innvilget av fagleder.';

/** A journal with a corrected note and a removed one, written over an hour. */
async function journalWithHistory() {
  const db = await getDb();
  const start = appClock().now();
  const at = (m: number) => new Date(start.getTime() + m * MINUTE);
  const writer = await staffMember('adviser', { name: 'Siri Fagkonsulent' });
  const corrector = await staffMember('admin', { name: 'Anne Admin' });
  const input = inquiryInput();
  const inquiry = await createInquiry(db, { input, privacyVersion: 1, now: start });
  const source = { type: 'inquiry' as const, id: inquiry.id };
  const first = await createJournalEntry(db, { source, person: { name: 'Ingrid Hansen', details: 'Født 12. juni 2008' }, text: FIRST, writer, now: at(0) });
  if (!first.ok) throw new Error('not written');
  const second = await createJournalEntry(db, { source, person: { id: first.personId }, text: GONE, writer, now: at(1) });
  if (!second.ok) throw new Error('not written');
  await correctJournalEntry(db, { entryId: first.entryId, text: SECOND, reason: REASON, staffId: corrector.staffId, now: at(30) });
  await removeJournalEntry(db, { entryId: second.entryId, reason: REMOVAL, staffId: corrector.staffId, now: at(60) });
  return first.personId;
}

const download = (id: string, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
  GET(new Request(`http://localhost/staff/journal/${id}/innsyn`, { headers }), { params: Promise.resolve({ id }) });

const exportsOf = accessLogFor;

describe.each(databaseTargets())('innsyn in a journal on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('gives an adviser the whole journal with its history and removals as a private download, and logs it @claim:journal-kopi', async () => {
    const personId = await journalWithHistory();
    const adviser = await signInAs('adviser', { name: 'Rolf Fagkonsulent' });
    const res = await download(personId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="journal-innsyn-\d{4}-\d{2}-\d{2}\.txt"$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const text = await res.text();

    expect(text).toContain('Navn: Ingrid Hansen');
    expect(text).toContain('Andre opplysninger: Født 12. juni 2008');
    expect(text).toContain('Laget: ');
    expect(text).toContain('av Rolf Fagkonsulent');
    // The corrected note: as it reads now, then every version with who, when and why.
    const note1 = text.slice(text.indexOf('NOTAT 1'), text.indexOf('NOTAT 2'));
    expect(note1).toMatch(/Skrevet: .+ av Siri Fagkonsulent/);
    expect(note1.indexOf(SECOND)).toBeLessThan(note1.indexOf('Historikk:'));
    expect(note1).toMatch(new RegExp(`Versjon 1, .+, Siri Fagkonsulent \\(først skrevet\\)\\n${FIRST}`));
    expect(note1).toMatch(new RegExp(`Versjon 2, .+, Anne Admin\\nBegrunnelse for rettelsen: ${REASON}\\n${SECOND}`));
    // The removed note: the record stays, the text does not.
    const note2 = text.slice(text.indexOf('NOTAT 2'));
    expect(note2).toMatch(/Opplysningene i dette notatet er fjernet .+ av Anne Admin\./);
    expect(note2).toContain(`Begrunnelse: ${REMOVAL}`);
    expect(note2).toContain('(Teksten er fjernet.)');
    expect(text).not.toContain(GONE);

    expect(await exportsOf(personId)).toEqual([loggedEvent(adviser.staffId, 'journal_export', 'journal', personId)]);
  });

  it('refuses chat hosts, strangers and a download started from another site, with nothing logged', async () => {
    const personId = await journalWithHistory();
    for (const caller of [null, await staffMember('chat_host')]) {
      callAs(caller);
      const res = await download(personId);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('Ingrid');
    }
    await signInAs('admin');
    expect((await download(personId, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await download('not-a-uuid')).status).toBe(404);
    expect((await download('00000000-0000-4000-8000-000000000000', {})).status).toBe(404);
    expect(await exportsOf(personId)).toEqual([]);
  });
});
