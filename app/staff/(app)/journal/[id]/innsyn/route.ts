import { z } from 'zod';
import { getJournal } from '@/db/queries/journal';
import { refuse } from '@/lib/actions/refusal';
import { textHeaders } from '@/lib/http/answer';
import { staffRoute } from '@/lib/staff/route';
import { innsynFileName, innsynText } from './innsyn-text';

/**
 * Downloads a person's whole journal as a document for innsyn. Advisers and admins only (a
 * handler is reachable without the page); the export's access-log row is written in the same
 * transaction, before a byte of content leaves, and every cache is told to keep nothing. A
 * refusal is a plain sentence, since a person opened this link in the browser.
 */
export const dynamic = 'force-dynamic';

const MISSING = 'Vi finner ikke journalen.';

export const GET = staffRoute({
  roles: ['admin', 'adviser'],
  params: z.object({ id: z.uuid() }),
  missing: MISSING,
  answer: 'text',
  // A download is started from our own pages or typed in; another site cannot start one for you.
  sameSiteOnly: 'Start nedlastingen fra journalen.',
  event: 'journal_export',
  failed: 'Journalen kunne ikke lastes ned. Prøv igjen om litt.',
  run: async ({ db, params, who, now, audit }) => {
    const journal = await getJournal(db, { personId: params.id });
    if (!journal) throw refuse('not_found', MISSING);
    await audit('journal_export', { type: 'journal', id: journal.id });
    return new Response(innsynText(journal, { exportedAt: now, exportedBy: who.name }), {
      headers: { ...textHeaders, 'Content-Disposition': `attachment; filename="${innsynFileName(now)}"` },
    });
  },
});
