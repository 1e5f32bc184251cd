import { z } from 'zod';
import { getDb } from '@/db/client';
import { postMessage, visitorState } from '@/db/queries/chat-visitor';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import { visitorTokenHash } from '@/lib/chat/visitor';
import { visitorRoute } from '@/lib/chat/visitor-route';
import { json } from '@/lib/http/answer';
import { readJson } from '@/lib/http/read-json';
import { limiter } from '@/lib/rate-limit/limiter';
import { hasRefusedCharacters, refusedCharactersMessage } from '@/lib/refused-characters';

export const dynamic = 'force-dynamic';

const messageSchema = z.object({
  body: z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'Skriv en melding først.' })
        .max(MAX_CHAT_MESSAGE, { error: `Meldingen er for lang. Del den opp i flere meldinger på høyst ${MAX_CHAT_MESSAGE} tegn.` })
        .refine((v) => !hasRefusedCharacters(v), { error: refusedCharactersMessage('Meldingen') }),
    ),
});

/** The visitor sends a message; it is stored before the answer says so. */
export const POST = visitorRoute('chat_visitor_message', async ({ request, clock, now }) => {
  const tokenHash = visitorTokenHash(request);
  if (!tokenHash) return json({ error: 'Samtalen finnes ikke lenger.' }, { status: 404 });
  const { body } = await readJson(request, messageSchema);
  const db = await getDb();
  const state = await visitorState(db, { tokenHash, now });
  if (!state || state.status === 'avsluttet') return json({ error: 'Samtalen er avsluttet.' }, { status: 409 });
  const allowed = limiter('chat-message', { limit: 30, windowMs: 60_000, clock }).take(state.id);
  if (!allowed.ok) return json({ error: 'Du sender mange meldinger på kort tid. Vent litt, så kan du sende igjen.' }, { status: 429 });
  const stored = await postMessage(db, { id: state.id, sender: 'besokende', authorId: null, body, now });
  if (!stored) return json({ error: 'Samtalen er avsluttet.' }, { status: 409 });
  return json({ seq: stored.seq }, { status: 201 });
});
