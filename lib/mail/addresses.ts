import { z } from 'zod';

const address = z.email();

/**
 * A configured list of addresses: a comma-separated string (as in the environment) or an
 * array (once lib/env.ts has split it). Trimmed, lower-cased, without duplicates; an entry
 * that is not an e-mail address is left out, and the count of those is returned so it can be
 * logged without the entries themselves.
 */
export function parseAddressList(value: unknown): { addresses: string[]; invalid: number } {
  const raw = typeof value === 'string' ? value.split(/[,;\s]+/) : Array.isArray(value) ? value : [];
  const addresses = new Set<string>();
  let invalid = 0;
  for (const entry of raw) {
    if (typeof entry !== 'string') {
      invalid++;
      continue;
    }
    const a = entry.trim().toLowerCase();
    if (a === '') continue;
    if (address.safeParse(a).success) addresses.add(a);
    else invalid++;
  }
  return { addresses: [...addresses], invalid };
}
