import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { placeHold } from '@/db/queries/holds';
import { addNote, closeInquiry, createInquiry } from '@/db/queries/inquiries';
import {
  assignInquiry,
  getInquiry,
  inquiryStatus,
  listAssignableStaff,
  listInquiries,
  setStatus,
  unreadCount,
} from '@/db/queries/inquiry-review';
import { createStaff, disableStaff } from '@/db/queries/staff';
import type { StaffRole } from '@/db/schema';
import { databaseTargets } from '@/test/database-targets';
import { inquiryInput } from '@/test/inquiry-input';

const MINUTE = 60_000;
const DAY = 86_400_000;
const closedAt = new Date('2027-01-15T09:00:00Z');
const deadline = new Date('2027-04-15T08:00:00Z'); // three months on, same time in Oslo
const input = inquiryInput({ name: 'Kari Nordmann', message: 'Hei.\nJeg lurer på hvordan jeg kan snakke med skolen.', declineJournal: true });

async function newInquiry(at: Date) {
  const db = await getDb();
  return (await createInquiry(db, { input, privacyVersion: 1, now: at })).id;
}

let staffCount = 0;
async function newStaff(role: StaffRole, name: string) {
  const db = await getDb();
  const email = `ansatt${++staffCount}@example.org`;
  return (await createStaff(db, { email, name, role, passwordHash: null, totpSecret: null, now: closedAt })).id;
}

const ids = (rows: { id: string }[], mine: string[]) => rows.map((r) => r.id).filter((id) => mine.includes(id));

describe.each(databaseTargets())('inquiry review on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('lists newest first, filters by status and assignee, and holds nothing sealed', async () => {
    const db = await getDb();
    const now = new Date('2027-02-01T12:00:00Z');
    const a = await newInquiry(new Date('2027-01-20T10:00:00Z'));
    const b = await newInquiry(new Date('2027-01-21T10:00:00Z'));
    const c = await newInquiry(new Date('2027-01-22T10:00:00Z'));
    const mine = [a, b, c];
    const adviser = await newStaff('adviser', 'Ola Rådgiver');

    expect(await setStatus(db, { id: b, status: 'under_arbeid', now })).toBe(true);
    expect(await assignInquiry(db, { id: b, staffId: adviser, now })).toBe(true);
    await closeInquiry(db, { id: c, now });

    const all = await listInquiries(db, { now });
    expect(ids(all, mine)).toEqual([c, b, a]);
    expect(ids(await listInquiries(db, { now, status: 'ny' }), mine)).toEqual([a]);
    expect(ids(await listInquiries(db, { now, status: 'under_arbeid' }), mine)).toEqual([b]);
    expect(ids(await listInquiries(db, { now, status: 'avsluttet' }), mine)).toEqual([c]);
    expect(ids(await listInquiries(db, { now, assignedTo: adviser }), mine)).toEqual([b]);

    const row = all.find((r) => r.id === b)!;
    expect(row).toMatchObject({ status: 'under_arbeid', assignedToName: 'Ola Rådgiver', journalDeclined: true, unread: true });
    for (const item of all) {
      expect(item).not.toHaveProperty('message');
      expect(item).not.toHaveProperty('name');
      expect(item).not.toHaveProperty('email');
      expect(item).not.toHaveProperty('audience');
      expect(item).not.toHaveProperty('relation');
      expect(Object.values(item).some((v) => typeof v === 'string' && v.startsWith('v1.'))).toBe(false);
    }
  });

  it('past its deletion time an inquiry is neither listed nor returned, before the purge has run; a held one still is', async () => {
    const db = await getDb();
    const gone = await newInquiry(new Date(closedAt.getTime() - DAY));
    const held = await newInquiry(new Date(closedAt.getTime() - DAY));
    await closeInquiry(db, { id: gone, now: closedAt });
    await closeInquiry(db, { id: held, now: closedAt });
    await placeHold(db, { objectType: 'inquiry', objectId: held, reference: 'Politiet 27/1234', reason: 'Etterforskning', placedBy: null, now: closedAt });

    const before = new Date(deadline.getTime() - MINUTE);
    expect(ids(await listInquiries(db, { now: before }), [gone, held]).sort()).toEqual([gone, held].sort());

    const after = new Date(deadline.getTime() + MINUTE);
    expect(ids(await listInquiries(db, { now: after }), [gone, held])).toEqual([held]);
    expect(await getInquiry(db, { id: gone, now: after })).toBeUndefined();
    const kept = await getInquiry(db, { id: held, now: after });
    expect(kept).toMatchObject({ id: held, onHold: true, status: 'avsluttet', deleteAfter: deadline });
    expect(await assignInquiry(db, { id: gone, staffId: null, now: after })).toBe(false);
  });

  it('an unread inquiry counts until it is first opened', async () => {
    const db = await getDb();
    const now = new Date('2027-03-01T08:00:00Z');
    const start = await unreadCount(db, { now });
    const id = await newInquiry(now);
    expect(await unreadCount(db, { now })).toBe(start + 1);

    const later = new Date(now.getTime() + MINUTE);
    const first = await getInquiry(db, { id, now: later });
    expect(first?.firstOpenedAt).toEqual(later);
    expect(await unreadCount(db, { now: later })).toBe(start);
    expect(ids(await listInquiries(db, { now: later }), [id]).length).toBe(1);
    expect((await listInquiries(db, { now: later })).find((r) => r.id === id)?.unread).toBe(false);

    const again = await getInquiry(db, { id, now: new Date(later.getTime() + DAY) });
    expect(again?.firstOpenedAt).toEqual(later);
  });

  it('returns the inquiry and its notes opened, with who wrote them and who has it', async () => {
    const db = await getDb();
    const now = new Date('2027-03-02T08:00:00Z');
    const id = await newInquiry(now);
    const author = await newStaff('adviser', 'Siri Fagkonsulent');
    await assignInquiry(db, { id, staffId: author, now });
    await addNote(db, { inquiryId: id, authorId: author, body: 'Ringte tilbake.\nAvtalt ny samtale.', now: new Date(now.getTime() + MINUTE) });
    await addNote(db, { inquiryId: id, authorId: null, body: 'Sendt e-post.', now: new Date(now.getTime() + 2 * MINUTE) });

    const detail = await getInquiry(db, { id, now: new Date(now.getTime() + 3 * MINUTE) });
    expect(detail).toMatchObject({
      name: 'Kari Nordmann',
      email: 'kari@example.org',
      phone: null,
      message: input.message,
      audience: 'pa-skolen',
      relation: 'forelder',
      preferredContact: 'epost',
      journalDeclined: true,
      privacyVersion: 1,
      onHold: false,
      assignedTo: { id: author, name: 'Siri Fagkonsulent' },
    });
    expect(detail?.notes.map(({ body, authorName }) => ({ body, authorName }))).toEqual([
      { body: 'Ringte tilbake.\nAvtalt ny samtale.', authorName: 'Siri Fagkonsulent' },
      { body: 'Sendt e-post.', authorName: null },
    ]);
  });

  it('assigns only to advisers and admins in service, and leaves status changes on a closed inquiry alone', async () => {
    const db = await getDb();
    const now = new Date('2027-03-03T08:00:00Z');
    const id = await newInquiry(now);
    const host = await newStaff('chat_host', 'Chattevert');
    const admin = await newStaff('admin', 'Anne Admin');
    const gone = await newStaff('adviser', 'Sluttet Rådgiver');
    await disableStaff(db, { id: gone, now });

    const assignableIds = (await listAssignableStaff(db)).map((s) => s.id);
    expect(assignableIds).toContain(admin);
    expect(assignableIds).not.toContain(host);
    expect(assignableIds).not.toContain(gone);
    expect(await assignInquiry(db, { id, staffId: host, now })).toBe(false);
    expect(await assignInquiry(db, { id, staffId: gone, now })).toBe(false);
    expect(await assignInquiry(db, { id, staffId: admin, now })).toBe(true);
    expect(await assignInquiry(db, { id, staffId: null, now })).toBe(true);

    await closeInquiry(db, { id, now });
    expect(await setStatus(db, { id, status: 'ny', now })).toBe(false);
    // The actions read the status with a row lock inside their transaction.
    expect(await db.transaction((tx) => inquiryStatus(tx as unknown as typeof db, { id, now, lock: true }))).toBe('avsluttet');
    expect((await getInquiry(db, { id, now }))?.status).toBe('avsluttet');
  });
});
