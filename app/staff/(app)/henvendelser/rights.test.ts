import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { markHandedOver, placeHold } from '@/db/queries/holds';
import { addNote, createInquiry } from '@/db/queries/inquiries';
import { INQUIRY_ON_REQUEST_RULE } from '@/db/queries/inquiry-rights';
import { getInquiry } from '@/db/queries/inquiry-review';
import { dailyContacts, inquiries, inquiryCorrections, inquiryNotes, purgeReceipts } from '@/db/schema';
import { appClock } from '@/lib/clock';
import { osloIsoDate } from '@/lib/dates';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle, redirectedTo } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { dumpTables } from '@/test/dump-tables';
import { inquiryInput } from '@/test/inquiry-input';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { GET as copyOf } from './[id]/innsyn/route';
import { correctContactAction, eraseInquiryAction } from './[id]/actions';

/**
 * A person's rights over their inquiry, as an adviser carries them out at the person's
 * request: a copy of everything (innsyn), a correction of the name and contact details with the
 * old values kept, and erasure at once by the purge's own deletion, with a receipt. Legal holds
 * stand in the way of erasure; only advisers and admins may do any of it; each is logged.
 */
vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const MESSAGE = 'kanari-rett-melding-2b7f';
const NAME = 'Kanari Rettesen';
const EMAIL = 'kanari.rett.5e1d@example.org';
const NOTE = 'kanari-rett-notat-8c3a';
const NEW_NAME = 'Kanari Nyberg';
const NEW_PHONE = '+4791234567';

async function inquiryWithNote() {
  const db = await getDb();
  const now = appClock().now();
  const inquiry = await createInquiry(db, { input: inquiryInput({ name: NAME, email: EMAIL, message: MESSAGE }), privacyVersion: 1, now });
  const adviser = await staffMember('adviser', { name: 'Siri Fagkonsulent' });
  await addNote(db, { inquiryId: inquiry.id, authorId: adviser.staffId, body: NOTE, now });
  return inquiry;
}

const download = (id: string) =>
  copyOf(new Request(`http://localhost/staff/henvendelser/${id}/innsyn`, { headers: { 'sec-fetch-site': 'same-origin' } }), { params: Promise.resolve({ id }) });

async function rowsOf(id: string) {
  const db = await getDb();
  const n = sql<number>`count(*)::int`;
  return {
    inquiries: (await db.select({ n }).from(inquiries).where(eq(inquiries.id, id)))[0]!.n,
    notes: (await db.select({ n }).from(inquiryNotes).where(eq(inquiryNotes.inquiryId, id)))[0]!.n,
    corrections: (await db.select({ n }).from(inquiryCorrections).where(eq(inquiryCorrections.inquiryId, id)))[0]!.n,
  };
}

async function receiptsOnRequest() {
  const rows = await (await getDb()).select({ deleted: purgeReceipts.deleted }).from(purgeReceipts).where(eq(purgeReceipts.rule, INQUIRY_ON_REQUEST_RULE));
  return rows.reduce((sum, r) => sum + r.deleted, 0);
}

async function endedToday() {
  const db = await getDb();
  const rows = await db.select({ day: dailyContacts.day, ended: dailyContacts.ended }).from(dailyContacts).where(eq(dailyContacts.channel, 'henvendelse'));
  // The day's numbers are spread over a few rows; what counts is their sum.
  return rows.filter((r) => String(r.day) === osloIsoDate(appClock().now())).reduce((sum, r) => sum + r.ended, 0);
}

const inDump = async (text: string) => JSON.stringify(await dumpTables(await getDb())).includes(text);

describe.each(databaseTargets())('a person\'s rights over an inquiry on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('@claim:innsyn-henvendelse an adviser downloads a copy for the person with what they sent, our notes and every correction; private, and in the access log', async () => {
    const inquiry = await inquiryWithNote();
    const adviser = await signInAs('adviser');
    expect(await correctContactAction(idle, form({ id: inquiry.id, name: NEW_NAME, email: EMAIL, phone: '' }))).toMatchObject({ status: 'ok' });
    const res = await download(inquiry.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="henvendelse-${inquiry.reference}-innsyn.txt"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const text = await res.text();
    for (const expected of [inquiry.reference, MESSAGE, NOTE, 'Siri Fagkonsulent', `Navn: ${NEW_NAME}`, `E-post: ${EMAIL}`, 'Gjelder: ', 'Din relasjon til den det gjelder: Forelder']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(new RegExp(`Navn rettet\\nTidligere: ${NAME}`));
    expect(await accessLogFor(inquiry.id)).toEqual([
      loggedEvent(adviser.staffId, 'inquiry_correct', 'inquiry', inquiry.id),
      loggedEvent(adviser.staffId, 'inquiry_copy', 'inquiry', inquiry.id),
    ]);
  });

  it('@claim:retting-henvendelse an adviser corrects the name and contact details; the old values are kept sealed in a history; the change is logged', async () => {
    const db = await getDb();
    const inquiry = await inquiryWithNote();
    const adviser = await signInAs('adviser');
    const state = await correctContactAction(idle, form({ id: inquiry.id, name: NEW_NAME, email: '', phone: '912 34 567' }));
    expect(state).toEqual({ status: 'ok', result: { message: 'Rettet: navn, e-post, telefon. Det gamle er tatt vare på i historikken.' } });
    expect(await getInquiry(db, { id: inquiry.id, now: appClock().now() })).toMatchObject({ name: NEW_NAME, email: null, phone: NEW_PHONE });
    const history = await db.select().from(inquiryCorrections).where(eq(inquiryCorrections.inquiryId, inquiry.id));
    expect(history.map((h) => h.field).sort()).toEqual(['email', 'name', 'phone']);
    // The old values are sealed like the inquiry: not in a dump in the clear.
    for (const h of history.filter((r) => r.field !== 'phone')) expect(h.previous).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(history.find((h) => h.field === 'phone')!.previous).toBeNull();
    expect(await inDump(NAME)).toBe(false);
    expect(await inDump(EMAIL)).toBe(false);
    expect(await accessLogFor(inquiry.id)).toEqual([loggedEvent(adviser.staffId, 'inquiry_correct', 'inquiry', inquiry.id)]);

    // The same again changes nothing and logs nothing more.
    const same = await correctContactAction(idle, form({ id: inquiry.id, name: NEW_NAME, email: '', phone: NEW_PHONE }));
    expect(same).toMatchObject({ status: 'error', code: 'conflict', message: 'Ingenting er endret: opplysningene er allerede slik.', values: { name: NEW_NAME } });
    expect(await rowsOf(inquiry.id)).toMatchObject({ corrections: 3 });
    expect(await accessLogFor(inquiry.id)).toHaveLength(1);
  });

  it('a correction that leaves no way to answer, or a bad address, is refused in Norwegian with what was typed kept', async () => {
    const inquiry = await inquiryWithNote();
    await signInAs('adviser');
    const none = await correctContactAction(idle, form({ id: inquiry.id, name: NEW_NAME, email: '', phone: '' }));
    expect(none).toMatchObject({ status: 'error', code: 'invalid', fieldErrors: { email: 'Skriv e-postadressen eller telefonnummeret, så vi kan svare personen.' }, values: { name: NEW_NAME } });
    const bad = await correctContactAction(idle, form({ id: inquiry.id, name: NEW_NAME, email: 'kari-at-example', phone: '' }));
    expect(bad).toMatchObject({ status: 'error', fieldErrors: { email: 'Skriv e-postadressen slik: navn@eksempel.no.' }, values: { email: 'kari-at-example' } });
    expect(await rowsOf(inquiry.id)).toMatchObject({ corrections: 0 });
    expect(await accessLogFor(inquiry.id)).toEqual([]);
  });

  it('@claim:sletting-henvendelse an adviser erases an open inquiry at once: it, its notes and its history are gone, it is counted as ended, a receipt and an access-log row remain', async () => {
    const inquiry = await inquiryWithNote();
    const adviser = await signInAs('adviser');
    await correctContactAction(idle, form({ id: inquiry.id, name: NEW_NAME, email: EMAIL, phone: '' }));
    expect(await rowsOf(inquiry.id)).toEqual({ inquiries: 1, notes: 1, corrections: 1 });
    const [receipts, ended] = [await receiptsOnRequest(), await endedToday()];

    // Without the tick, nothing happens.
    const unconfirmed = await eraseInquiryAction(idle, form({ id: inquiry.id }));
    expect(unconfirmed).toMatchObject({ status: 'error', fieldErrors: { bekreft: 'Kryss av for at personen selv har bedt om at henvendelsen slettes.' } });
    expect(await rowsOf(inquiry.id)).toEqual({ inquiries: 1, notes: 1, corrections: 1 });

    expect(await redirectedTo(eraseInquiryAction(idle, form({ id: inquiry.id, bekreft: 'ja' })))).toBe('/staff/henvendelser?slettet=1');
    expect(await rowsOf(inquiry.id)).toEqual({ inquiries: 0, notes: 0, corrections: 0 });
    for (const canary of [MESSAGE, NAME, NEW_NAME, EMAIL, NOTE, inquiry.reference]) expect(await inDump(canary), canary).toBe(false);
    expect(await receiptsOnRequest()).toBe(receipts + 1);
    expect(await endedToday()).toBe(ended + 1);
    expect(await accessLogFor(inquiry.id)).toEqual([
      loggedEvent(adviser.staffId, 'inquiry_correct', 'inquiry', inquiry.id),
      loggedEvent(adviser.staffId, 'inquiry_erase', 'inquiry', inquiry.id),
    ]);
    // Gone for every tool: a second erasure and a copy find nothing.
    expect(await eraseInquiryAction(idle, form({ id: inquiry.id, bekreft: 'ja' }))).toMatchObject({ status: 'error', code: 'not_found' });
    expect((await download(inquiry.id)).status).toBe(404);
  });

  it('@claim:sletting-respekterer-palegg an inquiry under a legal hold is not erased; the refusal says why and is logged; once handed over it is gone for these tools', async () => {
    const db = await getDb();
    const inquiry = await inquiryWithNote();
    const admin = await staffMember('admin');
    await placeHold(db, { objectType: 'inquiry', objectId: inquiry.id, reference: 'Politiet 31/7', reason: 'Etterforskning', placedBy: admin.staffId, now: appClock().now() });
    const receipts = await receiptsOnRequest();
    const adviser = await signInAs('adviser');
    const refused = await eraseInquiryAction(idle, form({ id: inquiry.id, bekreft: 'ja' }));
    expect(refused).toMatchObject({ status: 'error', code: 'conflict', message: expect.stringContaining('bevaringspålegg') });
    expect(await rowsOf(inquiry.id)).toEqual({ inquiries: 1, notes: 1, corrections: 0 });
    expect(await receiptsOnRequest()).toBe(receipts);
    expect(await accessLogFor(inquiry.id)).toEqual([loggedEvent(adviser.staffId, 'inquiry_erase_refused', 'inquiry', inquiry.id)]);
    await markHandedOver(db, { objectType: 'inquiry', objectId: inquiry.id, now: appClock().now() });
    expect(await eraseInquiryAction(idle, form({ id: inquiry.id, bekreft: 'ja' }))).toMatchObject({ status: 'error', code: 'not_found' });
  });

  it('@claim:rettigheter-bare-radgivere a chat host, a course admin and a stranger are refused a copy, a correction and an erasure; nothing changes and nothing is logged', async () => {
    const inquiry = await inquiryWithNote();
    for (const caller of [await staffMember('chat_host'), await staffMember('course_admin'), null]) {
      callAs(caller);
      const res = await download(inquiry.id);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain(MESSAGE);
      const corrected = await correctContactAction(idle, form({ id: inquiry.id, name: NEW_NAME, email: EMAIL, phone: '' }));
      expect(corrected).toMatchObject({ status: 'error', code: 'forbidden', message: 'Du har ikke tilgang til dette.' });
      const erased = await eraseInquiryAction(idle, form({ id: inquiry.id, bekreft: 'ja' }));
      expect(erased).toMatchObject({ status: 'error', code: 'forbidden', message: 'Du har ikke tilgang til dette.' });
    }
    expect(await rowsOf(inquiry.id)).toEqual({ inquiries: 1, notes: 1, corrections: 0 });
    expect(await getInquiry(await getDb(), { id: inquiry.id, now: appClock().now() })).toMatchObject({ name: NAME });
    expect(await accessLogFor(inquiry.id)).toEqual([]);
  });
});
