import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { inquiries } from '@/db/schema';
import { sealText } from '@/lib/crypto/seal';
import type { InquiryInput } from '@/lib/inquiries/form';
import { normalisePhone } from '@/lib/inquiries/form';
import { newReference } from '@/lib/inquiries/reference';

/** Binds a sealed value to its inquiry and column, so it cannot be moved to another row. */
export const inquiryAad = (id: string, column: string) => `inquiry:${id}:${column}`;

/** Stores a new inquiry, sealed, with the privacy statement in force. Returns its reference. */
export async function createInquiry(
  db: Database,
  { input, privacyVersion, now }: { input: InquiryInput; privacyVersion: number; now: Date },
): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const seal = (column: string, value: string) => sealText(value, inquiryAad(id, column));
  const phone = input.phone ? normalisePhone(input.phone) : undefined;
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    try {
      await db.insert(inquiries).values({
        id,
        reference,
        createdAt: now,
        privacyVersion,
        audience: input.audience,
        relation: input.relation,
        preferredContact: input.contactBy,
        journalDeclined: input.declineJournal,
        name: seal('name', input.name),
        email: input.email ? seal('email', input.email) : null,
        phone: phone ? seal('phone', phone) : null,
        message: seal('message', input.message),
      });
      return { id, reference };
    } catch (err) {
      // A clash of random references is vanishingly rare; try a new one once or twice.
      if (attempt < 2 && (err as { cause?: { constraint?: string } }).cause?.constraint === 'inquiries_reference_unique') continue;
      throw err;
    }
  }
}
