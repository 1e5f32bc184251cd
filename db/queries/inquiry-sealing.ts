// Not marked 'server-only': start-up (scripts/prepare-runtime.ts) seals old rows from the command line.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { inquiries } from '@/db/schema';
import { isSealedText, openOptional, openText, SEALED_TEXT, sealText } from '@/lib/crypto/seal';

/**
 * How an inquiry's fields are sealed. Everything the person filled in is, each field bound to
 * its row and to the name of its column (AAD `inquiry:<id>:<column>`), so a value moved to
 * another row or field does not open. Even the codes picked from a list are sealed: who the
 * person is to the one it concerns, and what it is about, say something about them too.
 */
const sealedInquiryColumns = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  message: 'message',
  audience: 'audience',
  relation: 'relation',
  preferredContact: 'preferred_contact',
} as const;
export type SealedInquiryField = keyof typeof sealedInquiryColumns;
const sealedFields = Object.keys(sealedInquiryColumns) as SealedInquiryField[];

/** The sealed fields as stored; only e-mail and phone may be missing. */
export type SealedInquiryFields = { [F in SealedInquiryField]: F extends 'email' | 'phone' ? string | null : string };

export const inquiryAad = (id: string, field: SealedInquiryField) => `inquiry:${id}:${sealedInquiryColumns[field]}`;

/** Seals one field of an inquiry, bound to its row and column. */
export function sealInquiryField(id: string, field: SealedInquiryField, value: string): string {
  return sealText(value, inquiryAad(id, field));
}

/** What the relative wrote and how to reach them, opened: for the pages and exports that show it. */
export type OpenedInquiryFields = {
  name: string;
  email: string | null;
  phone: string | null;
  message: string;
  audience: string;
  relation: string;
  preferredContact: 'epost' | 'telefon';
};

export function openInquiryFields(id: string, sealed: SealedInquiryFields): OpenedInquiryFields {
  const preferredContact = openText(sealed.preferredContact, inquiryAad(id, 'preferredContact'));
  // The form offers only these two; anything else was not written by createInquiry. The value
  // stays out of the error, as everything opened does.
  if (preferredContact !== 'epost' && preferredContact !== 'telefon') throw new Error('inquiry holds an unknown preferred contact');
  return {
    name: openText(sealed.name, inquiryAad(id, 'name')),
    email: openOptional(sealed.email, inquiryAad(id, 'email')),
    phone: openOptional(sealed.phone, inquiryAad(id, 'phone')),
    message: openText(sealed.message, inquiryAad(id, 'message')),
    audience: openText(sealed.audience, inquiryAad(id, 'audience')),
    relation: openText(sealed.relation, inquiryAad(id, 'relation')),
    preferredContact,
  };
}

const sealedColumnsOf = {
  name: inquiries.name,
  email: inquiries.email,
  phone: inquiries.phone,
  message: inquiries.message,
  audience: inquiries.audience,
  relation: inquiries.relation,
  preferredContact: inquiries.preferredContact,
};

/**
 * Seals the fields of inquiries written before they were all sealed: the audience, relation
 * and preferred contact were stored in clear at first (a migration could not seal them: the
 * key is only in the app). Any other field found in clear is sealed too. Runs at start-up
 * under the migration lock, before the server answers, so every reader can insist on sealed
 * values. Each row is rewritten only if it still holds the plain values it read, so a run
 * racing another changes nothing twice. A missing e-mail or phone stays missing.
 */
export async function sealPlainInquiries(db: Database): Promise<number> {
  const plain = await db
    .select({ id: inquiries.id, ...sealedColumnsOf })
    .from(inquiries)
    .where(sql.join(sealedFields.map((f) => sql`${sealedColumnsOf[f]} !~ ${SEALED_TEXT}`), sql` or `));
  let sealed = 0;
  for (const row of plain) {
    const fields = sealedFields.filter((f) => {
      const value = row[f];
      return value !== null && !isSealedText(value);
    });
    const set = Object.fromEntries(fields.map((f) => [f, sealInquiryField(row.id, f, row[f]!)]));
    const done = await db
      .update(inquiries)
      .set(set)
      .where(and(eq(inquiries.id, row.id), ...fields.map((f) => eq(sealedColumnsOf[f], row[f]!))))
      .returning({ id: inquiries.id });
    sealed += done.length;
  }
  return sealed;
}
