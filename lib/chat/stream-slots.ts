import { env } from '@/lib/env';
import { processWide } from '@/lib/process-wide';

/**
 * How many event streams this instance holds: at most STREAMS_PER_HOLDER for one chat cookie or
 * one staff session (a few tabs), and SSE_MAX_STREAMS in all, so one cookie cannot open
 * thousands and the instance keeps memory and database connections for everyone else.
 */
export const STREAMS_PER_HOLDER = 3;

export type SlotRefusal = { status: 429 | 503; error: string };

type Slots = { total: number; byHolder: Map<string, number> };
function slots(): Slots {
  return processWide<Slots>('chat-stream-slots', () => ({ total: 0, byHolder: new Map() }));
}

/**
 * Takes a slot for `holder` (a chat token hash or a staff session hash, prefixed by kind), or
 * says why not. The release is safe to call more than once.
 */
export function takeStreamSlot(holder: string, tooMany: string): { release: () => void } | SlotRefusal {
  const s = slots();
  const held = s.byHolder.get(holder) ?? 0;
  if (held >= STREAMS_PER_HOLDER) return { status: 429, error: tooMany };
  if (s.total >= env().SSE_MAX_STREAMS) return { status: 503, error: 'Chatten har svært mange tilkoblinger akkurat nå. Prøv igjen om litt.' };
  s.byHolder.set(holder, held + 1);
  s.total++;
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      s.total--;
      const left = (s.byHolder.get(holder) ?? 1) - 1;
      if (left > 0) s.byHolder.set(holder, left);
      else s.byHolder.delete(holder);
    },
  };
}

/**
 * Watches while holding `slot`: the slot is given back when the watch ends (the cleanup `watch`
 * returns) or when it could not start.
 */
export async function holdingSlot(slot: { release: () => void }, watch: () => Promise<() => void>): Promise<() => void> {
  try {
    const leave = await watch();
    return () => {
      leave();
      slot.release();
    };
  } catch (err) {
    slot.release();
    throw err;
  }
}

/** Open streams on this instance (for the bench and tests). */
export function openStreamCount(): number {
  return slots().total;
}
