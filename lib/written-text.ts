import { z } from 'zod';
import { hasRefusedCharacters, refusedCharactersMessage } from '@/lib/refused-characters';

/**
 * A field people write in, checked as every form and the chat check it: trimmed, at most `max`
 * characters, and without the characters refused everywhere (lib/refused-characters.ts), each
 * with a message naming the field ("Navnet", "Meldingen"). `empty` makes it required, with
 * that message; `tooLong` replaces the usual message where the field has more to say.
 */
export function writtenText(label: string, max: number, { empty, tooLong }: { empty?: string; tooLong?: string } = {}) {
  const trimmed = z.string().trim();
  return (empty === undefined ? trimmed : trimmed.min(1, empty))
    .max(max, tooLong ?? `${label} kan ha høyst ${max.toLocaleString('nb-NO')} tegn.`)
    .refine((v) => !hasRefusedCharacters(v), { message: refusedCharactersMessage(label) });
}
