import { z } from 'zod';
import { holdExport } from '@/db/queries/holds-admin';
import { refuse } from '@/lib/actions/refusal';
import { textHeaders } from '@/lib/http/answer';
import { staffRoute } from '@/lib/staff/route';
import { exportFileName, exportText } from './export-text';

/**
 * Downloads a held inquiry, opened, for handing over. Admins only (a handler is reachable
 * without the page); the export's access-log row is written in the same transaction, before a
 * byte of content leaves, and every cache is told to keep nothing. A refusal is a plain
 * sentence, since a person opened this link in the browser.
 */
export const dynamic = 'force-dynamic';

export const GET = staffRoute({
  roles: ['admin'],
  params: z.object({ id: z.uuid() }),
  missing: 'Vi finner ikke pålegget.',
  answer: 'text',
  // A download is started from our own pages or typed in; another site cannot start one for you.
  sameSiteOnly: 'Start eksporten fra siden for bevaringspålegg.',
  event: 'hold_export',
  failed: 'Eksporten kunne ikke lages. Prøv igjen om litt.',
  run: async ({ db, params, who, now, audit }) => {
    const doc = await holdExport(db, { holdId: params.id, now });
    if (!doc) throw refuse('not_found', 'Vi finner ikke et aktivt bevaringspålegg med dette. Er det opphevet eller utlevert, er det ingenting å eksportere.');
    await audit('export', { type: doc.object.type, id: doc.object.id });
    return new Response(exportText(doc, { exportedAt: now, exportedBy: who.name }), {
      headers: { ...textHeaders, 'Content-Disposition': `attachment; filename="${exportFileName(doc)}"` },
    });
  },
});
