import 'server-only';
import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { inquiryNoteAad, openInquiryFields, visibleAt, type OpenedInquiryFields } from '@/db/queries/inquiries';
import { activeHoldOn } from '@/db/queries/retention';
import { inquiries, inquiryNotes, staff, type InquiryStatus } from '@/db/schema';
import { openText } from '@/lib/crypto/seal';

/**
 * What advisers and admins read in the inquiry inbox. Every query here goes through
 * visibleAt(now): past its deletion time an inquiry is gone for staff too, even before the
 * purge has run, unless a legal hold keeps it. The list carries no personal data (nothing
 * sealed is selected), so what a person wrote is opened only on the detail page, whose
 * every view is logged.
 */
export type OpenStatus = Exclude<InquiryStatus, 'avsluttet'>;

const reviewerRoles = ['admin', 'adviser'] as const;

export type InquiryListItem = {
  id: string;
  reference: string;
  status: InquiryStatus;
  createdAt: Date;
  journalDeclined: boolean;
  assignedToName: string | null;
  closedAt: Date | null;
  deleteAfter: Date | null;
  unread: boolean;
};

export async function listInquiries(
  db: Database,
  { now, status, assignedTo, limit = 50 }: { now: Date; status?: InquiryStatus; assignedTo?: string; limit?: number },
): Promise<InquiryListItem[]> {
  const filters: SQL[] = [visibleAt(now)];
  if (status) filters.push(eq(inquiries.status, status));
  if (assignedTo) filters.push(eq(inquiries.assignedTo, assignedTo));
  return db
    .select({
      id: inquiries.id,
      reference: inquiries.reference,
      status: inquiries.status,
      createdAt: inquiries.createdAt,
      journalDeclined: inquiries.journalDeclined,
      assignedToName: staff.name,
      closedAt: inquiries.closedAt,
      deleteAfter: inquiries.deleteAfter,
      unread: sql<boolean>`${inquiries.firstOpenedAt} is null`.mapWith(Boolean),
    })
    .from(inquiries)
    .leftJoin(staff, eq(staff.id, inquiries.assignedTo))
    .where(and(...filters))
    .orderBy(desc(inquiries.createdAt), desc(inquiries.id))
    .limit(Math.min(Math.max(limit, 1), 200));
}

/** Visible inquiries nobody has opened yet: the badge in the staff header. */
export async function unreadCount(db: Database, { now }: { now: Date }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inquiries)
    .where(and(isNull(inquiries.firstOpenedAt), visibleAt(now)));
  return row?.n ?? 0;
}

/**
 * Status of a visible inquiry, or undefined: lets actions refuse a change that makes no sense.
 * With `lock`, inside a transaction, the row stays locked so two changes queue.
 */
export async function inquiryStatus(
  db: Database,
  { id, now, lock = false }: { id: string; now: Date; lock?: boolean },
): Promise<InquiryStatus | undefined> {
  const query = db
    .select({ status: inquiries.status })
    .from(inquiries)
    .where(and(eq(inquiries.id, id), visibleAt(now)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row?.status;
}

async function markOpened(db: Database, { id, now }: { id: string; now: Date }): Promise<void> {
  await db
    .update(inquiries)
    .set({ firstOpenedAt: now })
    .where(and(eq(inquiries.id, id), isNull(inquiries.firstOpenedAt)));
}

export type InquiryNote = { id: string; body: string; authorName: string | null; createdAt: Date };

export type InquiryDetail = OpenedInquiryFields & {
  id: string;
  reference: string;
  status: InquiryStatus;
  createdAt: Date;
  firstOpenedAt: Date;
  closedAt: Date | null;
  deleteAfter: Date | null;
  onHold: boolean;
  privacyVersion: number;
  journalDeclined: boolean;
  assignedTo: { id: string; name: string } | null;
  notes: InquiryNote[];
};

/**
 * What an inquiry holds, as the person sent it and where it stands, without the review's
 * working fields. What the person filled in (the name, contact details, message, audience,
 * relation and preferred contact) is sealed: open it with openInquiryFields.
 */
export const inquiryRecordColumns = {
  id: inquiries.id,
  reference: inquiries.reference,
  status: inquiries.status,
  createdAt: inquiries.createdAt,
  closedAt: inquiries.closedAt,
  deleteAfter: inquiries.deleteAfter,
  privacyVersion: inquiries.privacyVersion,
  audience: inquiries.audience,
  relation: inquiries.relation,
  preferredContact: inquiries.preferredContact,
  journalDeclined: inquiries.journalDeclined,
  name: inquiries.name,
  email: inquiries.email,
  phone: inquiries.phone,
  message: inquiries.message,
};

/** One inquiry, opened, with its notes; marks it as opened the first time. */
export async function getInquiry(db: Database, { id, now }: { id: string; now: Date }): Promise<InquiryDetail | undefined> {
  const [row] = await db
    .select({
      ...inquiryRecordColumns,
      firstOpenedAt: inquiries.firstOpenedAt,
      onHold: sql<boolean>`${activeHoldOn('inquiry', inquiries.id)}`.mapWith(Boolean),
      assignedToId: staff.id,
      assignedToName: staff.name,
    })
    .from(inquiries)
    .leftJoin(staff, eq(staff.id, inquiries.assignedTo))
    .where(and(eq(inquiries.id, id), visibleAt(now)))
    .limit(1);
  if (!row) return undefined;
  if (!row.firstOpenedAt) await markOpened(db, { id, now });

  const { assignedToId, assignedToName, ...rest } = row;
  return {
    ...rest,
    firstOpenedAt: row.firstOpenedAt ?? now,
    ...openInquiryFields(id, row),
    assignedTo: assignedToId ? { id: assignedToId, name: assignedToName ?? '' } : null,
    notes: await listInquiryNotes(db, { inquiryId: id }),
  };
}

/** An inquiry's notes, oldest first, opened. */
export async function listInquiryNotes(db: Database, { inquiryId }: { inquiryId: string }): Promise<InquiryNote[]> {
  const rows = await db
    .select({ id: inquiryNotes.id, body: inquiryNotes.body, authorName: staff.name, createdAt: inquiryNotes.createdAt })
    .from(inquiryNotes)
    .leftJoin(staff, eq(staff.id, inquiryNotes.authorId))
    .where(eq(inquiryNotes.inquiryId, inquiryId))
    .orderBy(asc(inquiryNotes.createdAt), asc(inquiryNotes.id));
  return rows.map((n) => ({ ...n, body: openText(n.body, inquiryNoteAad(n.id)) }));
}

/** Who an inquiry may be given to: admins and advisers whose accounts are in use. */
const assignable = and(inArray(staff.role, [...reviewerRoles]), isNull(staff.disabledAt));

export async function listAssignableStaff(db: Database): Promise<{ id: string; name: string }[]> {
  return db.select({ id: staff.id, name: staff.name }).from(staff).where(assignable).orderBy(asc(staff.name), asc(staff.id));
}

/** Gives the inquiry to someone (or to no one). False when it is not visible or they may not have it. */
export async function assignInquiry(
  db: Database,
  { id, staffId, now }: { id: string; staffId: string | null; now: Date },
): Promise<boolean> {
  const filters: SQL[] = [eq(inquiries.id, id), visibleAt(now)];
  if (staffId) {
    filters.push(sql`exists (select 1 from ${staff} where ${and(eq(staff.id, staffId), assignable)})`);
  }
  const rows = await db.update(inquiries).set({ assignedTo: staffId }).where(and(...filters)).returning({ id: inquiries.id });
  return rows.length > 0;
}

/**
 * Moves an open inquiry between "ny" and "under arbeid". A closed one is left alone: ending
 * and reopening a contact go through closeInquiry and reopenInquiry, which set the deadline.
 */
export async function setStatus(db: Database, { id, status, now }: { id: string; status: OpenStatus; now: Date }): Promise<boolean> {
  const rows = await db
    .update(inquiries)
    .set({ status })
    .where(and(eq(inquiries.id, id), ne(inquiries.status, 'avsluttet'), visibleAt(now)))
    .returning({ id: inquiries.id });
  return rows.length > 0;
}
