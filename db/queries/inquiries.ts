// Not marked 'server-only': the HTTP server (outside Next's bundler) stores a contact form sent
// without JavaScript through this module (lib/server/contact-post.ts). Nothing here is reachable from a client component.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { countEnded, countStarted } from '@/db/queries/contact-stats';
import { sealInquiryField, type SealedInquiryField } from '@/db/queries/inquiry-sealing';
import { activeHoldOn, handedOver } from '@/db/queries/retention';
import { inquiries, inquiryNotes } from '@/db/schema';
import { sealText } from '@/lib/crypto/seal';
import { normalisePhone } from '@/lib/inquiries/phone';
import { newReference } from '@/lib/inquiries/reference';
import { inquiryDeleteAfter } from '@/lib/retention/months';

export const inquiryNoteAad = (noteId: string) => `inquiry-note:${noteId}:body`;

// The readers open an inquiry's fields from here, as they always have.
export { openInquiryFields, type OpenedInquiryFields } from '@/db/queries/inquiry-sealing';

/**
 * What a relative submitted, as the contact form's schema (lib/inquiries/form.ts) has checked
 * it; an empty e-mail or phone means none was given.
 */
export type NewInquiry = {
  name: string;
  email: string;
  phone: string;
  message: string;
  contactBy: 'epost' | 'telefon';
  relation: string;
  audience: string;
  declineJournal: boolean;
};

/** Stores a new inquiry, every field the person filled in sealed, with the privacy statement in force. Returns its reference. */
export async function createInquiry(
  db: Database,
  { input, privacyVersion, now }: { input: NewInquiry; privacyVersion: number; now: Date },
): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const seal = (field: SealedInquiryField, value: string) => sealInquiryField(id, field, value);
  const phone = input.phone ? normalisePhone(input.phone) : undefined;
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    try {
      await db.transaction(async (tx) => {
        await tx.insert(inquiries).values({
          id,
          reference,
          createdAt: now,
          privacyVersion,
          audience: seal('audience', input.audience),
          relation: seal('relation', input.relation),
          preferredContact: seal('preferredContact', input.contactBy),
          journalDeclined: input.declineJournal,
          name: seal('name', input.name),
          email: input.email ? seal('email', input.email) : null,
          phone: phone ? seal('phone', phone) : null,
          message: seal('message', input.message),
        });
        await countStarted(tx, { channel: 'henvendelse', now });
      });
      return { id, reference };
    } catch (err) {
      // A clash of random references is vanishingly rare; try a new one once or twice.
      if (attempt < 2 && (err as { cause?: { constraint?: string } }).cause?.constraint === 'inquiries_reference_unique') continue;
      throw err;
    }
  }
}

/** Ends the contact: records when, and from when the inquiry is due for deletion. */
export async function closeInquiry(db: Database, { id, now }: { id: string; now: Date }): Promise<{ deleteAfter: Date } | undefined> {
  const deleteAfter = inquiryDeleteAfter(now);
  const rows = await db
    .update(inquiries)
    .set({ status: 'avsluttet', closedAt: now, deleteAfter })
    // Closing again would push the deletion date later; a closed contact stays as it was.
    .where(and(eq(inquiries.id, id), ne(inquiries.status, 'avsluttet'), visibleAt(now)))
    .returning({ id: inquiries.id });
  if (rows.length === 0) return undefined;
  await countEnded(db, { channel: 'henvendelse', ids: [id] });
  return { deleteAfter };
}

/** Opens the contact again before it is deleted; the deletion date goes away. */
export async function reopenInquiry(db: Database, { id, now }: { id: string; now: Date }): Promise<boolean> {
  // Its numbers come off the day it closed; closing it again counts it then.
  const [closed] = await db.select({ id: inquiries.id }).from(inquiries).where(and(eq(inquiries.id, id), eq(inquiries.status, 'avsluttet'), visibleAt(now))).for('update');
  if (!closed) return false;
  await countEnded(db, { channel: 'henvendelse', ids: [id], sign: -1 });
  const rows = await db
    .update(inquiries)
    .set({ status: 'under_arbeid', closedAt: null, deleteAfter: null })
    .where(and(eq(inquiries.id, id), eq(inquiries.status, 'avsluttet'), visibleAt(now)))
    .returning({ id: inquiries.id });
  return rows.length > 0;
}

/**
 * Past its deletion time an inquiry is gone for every reader, even if the purge has not run
 * yet, unless a legal hold keeps it.
 */
export function visibleAt(now: Date) {
  const held = activeHoldOn('inquiry', inquiries.id);
  // Handed over to the police means gone for us, even before the purge has run.
  const gone = and(handedOver('inquiry', inquiries.id), sql`not ${held}`);
  return and(or(isNull(inquiries.deleteAfter), gt(inquiries.deleteAfter, now), held), sql`not (${gone})`)!;
}

export async function addNote(db: Database, { inquiryId, authorId, body, now }: { inquiryId: string; authorId: string | null; body: string; now: Date }) {
  const id = randomUUID();
  await db.insert(inquiryNotes).values({ id, inquiryId, authorId, createdAt: now, body: sealText(body, inquiryNoteAad(id)) });
  return { id };
}
