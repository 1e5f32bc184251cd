import { randomInt } from 'node:crypto';

/**
 * The code on a relative's receipt, e.g. "K7QM-3XHP": easy to read aloud on the phone (no
 * 0/O, 1/I/L), random, and with 32^8 (about a trillion) values, not guessable.
 */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
