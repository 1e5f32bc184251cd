import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deleteInquiries } from '@/db/queries/inquiry-deletion';
import { closeInquiry, visibleAt } from '@/db/queries/inquiries';
import { inquiryAad, sealInquiryField } from '@/db/queries/inquiry-sealing';
import { activeHoldOn } from '@/db/queries/retention';
import { correctableFields, inquiries, inquiryCorrections, purgeReceipts, staff, type CorrectableField, type InquiryStatus } from '@/db/schema';
import { openOptional, openText, sealOptional } from '@/lib/crypto/seal';
import { normalisePhone } from '@/lib/inquiries/phone';

/**
 * The rights a person has over their inquiry, carried out by an adviser at their request:
 * a copy of everything (innsyn: the page builds it from getInquiry and listCorrections),
 * correction of the name and contact details with the old values kept in a history, and
 * erasure at once, by the purge's own deletion. The actions that call these write the
 * access-log rows; nothing here logs or holds content outside the sealed columns.
 */
const correctionAad = (id: string) => `inquiry-correction:${id}:previous`;

export type ContactValues = Record<CorrectableField, string | null>;

export type Correction = { id: string; field: CorrectableField; correctedAt: Date; correctedByName: string | null; previous: string | null };

/** What was corrected in an inquiry, oldest first, with the values it replaced, opened. */
export async function listCorrections(db: Database, { inquiryId }: { inquiryId: string }): Promise<Correction[]> {
  const rows = await db
    .select({
      id: inquiryCorrections.id,
      field: inquiryCorrections.field,
      correctedAt: inquiryCorrections.correctedAt,
      correctedByName: staff.name,
      previous: inquiryCorrections.previous,
    })
    .from(inquiryCorrections)
    .leftJoin(staff, eq(staff.id, inquiryCorrections.correctedBy))
    .where(eq(inquiryCorrections.inquiryId, inquiryId))
    .orderBy(asc(inquiryCorrections.correctedAt), asc(inquiryCorrections.id));
  return rows.map((r) => ({ ...r, previous: openOptional(r.previous, correctionAad(r.id)) }));
}

/**
 * Replaces the name, e-mail and phone with what the person asked for, in the caller's
 * transaction. Each field that changes leaves a history row with its old value, sealed.
 * Returns the fields that changed (none when everything was already so), or undefined when
 * the inquiry is not there for staff any more. An empty e-mail or phone means none; the phone
 * is stored in the form the contact form stores it.
 */
export async function correctContact(
  tx: Database,
  { id, values, by, now }: { id: string; values: ContactValues; by: string | null; now: Date },
): Promise<CorrectableField[] | undefined> {
  const [row] = await tx
    .select({ name: inquiries.name, email: inquiries.email, phone: inquiries.phone })
    .from(inquiries)
    .where(and(eq(inquiries.id, id), visibleAt(now)))
    .for('update');
  if (!row) return undefined;
  const current: ContactValues = {
    name: openText(row.name, inquiryAad(id, 'name')),
    email: openOptional(row.email, inquiryAad(id, 'email')),
    phone: openOptional(row.phone, inquiryAad(id, 'phone')),
  };
  const next: ContactValues = { name: values.name, email: values.email || null, phone: values.phone ? (normalisePhone(values.phone) ?? values.phone) : null };
  const changed = correctableFields.filter((field) => current[field] !== next[field]);
  if (changed.length === 0) return [];
  for (const field of changed) {
    const correctionId = randomUUID();
    await tx.insert(inquiryCorrections).values({
      id: correctionId,
      inquiryId: id,
      correctedAt: now,
      correctedBy: by,
      field,
      previous: sealOptional(current[field], correctionAad(correctionId)),
    });
  }
  const sealed = (field: CorrectableField) => {
    const value = next[field];
    return value == null ? null : sealInquiryField(id, field, value);
  };
  await tx
    .update(inquiries)
    .set(Object.fromEntries(changed.map((field) => [field, sealed(field)])))
    .where(eq(inquiries.id, id));
  return changed;
}

export type InquiryToErase = { id: string; reference: string; status: InquiryStatus; createdAt: Date; closedAt: Date | null; onHold: boolean };

/**
 * What the erase step shows of an inquiry: its reference, state and dates, nothing the person
 * wrote. With `lock`, inside a transaction, the row stays locked until it commits.
 */
export async function inquiryToErase(db: Database, { id, now, lock = false }: { id: string; now: Date; lock?: boolean }): Promise<InquiryToErase | undefined> {
  const query = db
    .select({
      id: inquiries.id,
      reference: inquiries.reference,
      status: inquiries.status,
      createdAt: inquiries.createdAt,
      closedAt: inquiries.closedAt,
      onHold: sql<boolean>`${activeHoldOn('inquiry', inquiries.id)}`.mapWith(Boolean),
    })
    .from(inquiries)
    .where(and(eq(inquiries.id, id), visibleAt(now)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The rule name on the receipt of an inquiry erased at once because the person asked. */
export const INQUIRY_ON_REQUEST_RULE = 'inquiry_on_request';

/**
 * Erases one inquiry at once, in the caller's transaction, with a receipt under
 * INQUIRY_ON_REQUEST_RULE: the rule is the reason (the person asked), the receipt says when and
 * how many, and the access-log row the caller writes says who. The row is locked first, so a
 * legal hold placed meanwhile (which locks it too) either comes before, and the erasure is
 * refused (`held`), or after, and finds nothing. A contact still open is ended first, so the
 * statistics count it as ended like every other.
 */
export async function eraseInquiry(tx: Database, { id, now }: { id: string; now: Date }): Promise<'erased' | 'held' | undefined> {
  const found = await inquiryToErase(tx, { id, now, lock: true });
  if (!found) return undefined;
  if (found.onHold) return 'held';
  if (found.status !== 'avsluttet') await closeInquiry(tx, { id, now });
  const n = await deleteInquiries(tx, [id]);
  await tx.insert(purgeReceipts).values({ runId: randomUUID(), rule: INQUIRY_ON_REQUEST_RULE, ranAt: now, deleted: n });
  return 'erased';
}
