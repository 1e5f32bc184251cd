import { z } from 'zod';
import { noteToHost, stopSupervising } from '@/db/queries/chat-supervision';
import { refuse } from '@/lib/actions/refusal';
import { json } from '@/lib/http/answer';
import { writtenText } from '@/lib/written-text';
import { staffRoute } from '@/lib/staff/route';

export const dynamic = 'force-dynamic';

const MAX_NOTE = 1000;

const actionSchema = z.discriminatedUnion('handling', [
  z.object({
    handling: z.literal('notat'),
    id: z.uuid(),
    tekst: writtenText('Notatet', MAX_NOTE, { empty: 'Skriv notatet først.' }),
  }),
  z.object({ handling: z.literal('slutt'), id: z.uuid() }),
]);

/**
 * A supervisor (admin) joins an open chat with a note to its host, or stops reading it. The note
 * and its access-log row are written together; stopping only removes the host's marker.
 */
export const POST = staffRoute({
  roles: ['admin'],
  body: actionSchema,
  event: 'chat_supervision',
  failed: 'Det gikk ikke akkurat nå. Prøv igjen om litt.',
  run: async ({ db, body, who, now, audit }) => {
    if (body.handling === 'slutt') {
      await stopSupervising(db, { id: body.id, staffId: who.staffId });
      return json({ ok: true });
    }
    if (!(await noteToHost(db, { id: body.id, staffId: who.staffId, body: body.tekst, now }))) {
      throw refuse('conflict', 'Samtalen er avsluttet, eller ingen chatvert har tatt den ennå.');
    }
    await audit('chat_supervise_note', { type: 'chat', id: body.id });
    return json({ ok: true }, { status: 201 });
  },
});
