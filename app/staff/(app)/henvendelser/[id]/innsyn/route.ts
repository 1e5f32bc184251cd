import { z } from 'zod';
import { listCorrections } from '@/db/queries/inquiry-rights';
import { getInquiry } from '@/db/queries/inquiry-review';
import { refuse } from '@/lib/actions/refusal';
import { textHeaders } from '@/lib/http/answer';
import { staffRoute } from '@/lib/staff/route';
import { copyFileName, copyText } from './copy-text';

/**
 * Downloads a copy of an inquiry for the person who sent it (innsyn). Advisers and admins only
 * (a handler is reachable without the page); the access-log row is written in the same
 * transaction, before a byte of content leaves, and every cache is told to keep nothing. A
 * refusal is a plain sentence, since a person opened this link in the browser.
 */
export const dynamic = 'force-dynamic';

const MISSING = 'Vi finner ikke henvendelsen. Den kan være slettet.';

export const GET = staffRoute({
  roles: ['admin', 'adviser'],
  params: z.object({ id: z.uuid() }),
  missing: MISSING,
  answer: 'text',
  // A download is started from our own pages or typed in; another site cannot start one for you.
  sameSiteOnly: 'Start nedlastingen fra henvendelsen.',
  event: 'inquiry_copy',
  failed: 'Kopien kunne ikke lages. Prøv igjen om litt.',
  run: async ({ db, params, now, audit }) => {
    const inquiry = await getInquiry(db, { id: params.id, now });
    if (!inquiry) throw refuse('not_found', MISSING);
    await audit('inquiry_copy', { type: 'inquiry', id: inquiry.id });
    const corrections = await listCorrections(db, { inquiryId: inquiry.id });
    return new Response(copyText(inquiry, corrections, { madeAt: now }), {
      headers: { ...textHeaders, 'Content-Disposition': `attachment; filename="${copyFileName(inquiry.reference)}"` },
    });
  },
});
