import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyId, keyringFrom, splitKeyList } from '@/lib/crypto/keyring';
import {
  needsResealing,
  newDataKey,
  openOptional,
  openText,
  openWithKey,
  SealError,
  sealOptional,
  sealText,
  sealWithKey,
  unwrapKey,
  wrapKey,
} from '@/lib/crypto/seal';

/**
 * The sealing rules personal data depends on: values round-trip, are bound to their
 * place (aad), detect tampering, survive key rotation, and errors never leak secrets.
 */

const newKey = () => randomBytes(32).toString('base64');
const AAD = 'inquiry:42:message';

function sealErrorOf(action: () => unknown): SealError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SealError);
    return error as SealError;
  }
  throw new Error('expected a SealError');
}

/** Flips one bit in the byte at `index` of a base64url part. */
function flipBit(part: string, index: number): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

describe('keyring', () => {
  it('derives each key id from the key bytes', () => {
    const raw = randomBytes(32);
    const keyring = keyringFrom({ current: raw.toString('base64') });
    expect(keyring.current.id).toBe(keyId(raw));
    expect(keyring.current.id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('refuses a 31-byte key, naming which key, without printing it', () => {
    const short = randomBytes(31).toString('base64');
    expect(() => keyringFrom({ current: short })).toThrow(/Current key.*32 bytes/);
    expect(() => keyringFrom({ current: newKey(), old: [newKey(), short] })).toThrow(/Old key #2/);
    try {
      keyringFrom({ current: short });
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });

  it('refuses a key that is not base64', () => {
    expect(() => keyringFrom({ current: 'not a key!' })).toThrow(/not valid base64/);
  });

  it('splits the old-key list from the environment', () => {
    expect(splitKeyList(undefined)).toEqual([]);
    expect(splitKeyList(' a= , ,b=,')).toEqual(['a=', 'b=']);
  });

  it('ignores the current key repeated in the old list', () => {
    const current = newKey();
    expect(keyringFrom({ current, old: [current] }).old).toHaveLength(0);
  });
});

describe('sealText / openText', () => {
  const keyring = keyringFrom({ current: newKey() });

  it.each([
    ['Norwegian', 'Blåbærsyltetøy på Ærøy – ÆØÅ æøå'],
    ['emoji', 'Hei 👋🏽 takk ❤️‍🔥 🇳🇴'],
    ['empty', ''],
    ['5,000 characters', 'ø'.repeat(2500) + 'x'.repeat(2500)],
  ])('round-trips %s text', (_name, text) => {
    const sealed = sealText(text, AAD, keyring);
    expect(sealed).toMatch(new RegExp(`^v1\\.${keyring.current.id}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+$`));
    expect(openText(sealed, AAD, keyring)).toBe(text);
  });

  it('gives a different result each time for the same text', () => {
    expect(sealText('samme tekst', AAD, keyring)).not.toBe(sealText('samme tekst', AAD, keyring));
  });

  it('will not open with another aad (value moved to another row)', () => {
    const sealed = sealText('hemmelig', AAD, keyring);
    expect(sealErrorOf(() => openText(sealed, 'inquiry:43:message', keyring)).code).toBe('tampered');
  });

  it('detects a flipped bit in the ciphertext, the tag and the iv', () => {
    const sealed = sealText('hemmelig melding', AAD, keyring);
    const [version, id, iv, body] = sealed.split('.') as [string, string, string, string];
    const variants = [
      [version, id, iv, flipBit(body, 0)],
      [version, id, iv, flipBit(body, Buffer.from(body, 'base64url').length - 1)],
      [version, id, flipBit(iv, 5), body],
    ];
    for (const parts of variants) {
      expect(sealErrorOf(() => openText(parts.join('.'), AAD, keyring)).code).toBe('tampered');
    }
  });

  it('reports an unknown key id', () => {
    const other = keyringFrom({ current: newKey() });
    const sealed = sealText('hemmelig', AAD, other);
    expect(sealErrorOf(() => openText(sealed, AAD, keyring)).code).toBe('unknown_key');
  });

  it.each([
    'garbage',
    '',
    'v1...',
    'v2.abcdef01.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.ABCDEF01.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.abcdef01.AAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.abcdef01.AAAAAAAAAAAAAAAA.AAAA',
    'v1.abcdef01.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.extra',
    'v1.abcdef01.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAA+',
  ])('reports %j as malformed', (garbage) => {
    expect(sealErrorOf(() => openText(garbage, AAD, keyring)).code).toBe('malformed');
  });

  it('keeps plaintext and aad out of error messages', () => {
    const secret = 'fødselsnummer 01010112345';
    const sealed = sealText(secret, AAD, keyring);
    const errors = [
      sealErrorOf(() => openText(sealed, 'inquiry:1:message', keyring)),
      sealErrorOf(() => openText(sealed, AAD, keyringFrom({ current: newKey() }))),
      sealErrorOf(() => openText(`${sealed}x!`, AAD, keyring)),
    ];
    for (const error of errors) {
      expect(error.message).not.toContain(secret);
      expect(error.message).not.toContain('01010112345');
      expect(error.message).not.toContain(sealed);
      expect(error.message).not.toContain('inquiry');
    }
  });

  it('passes null through the optional helpers', () => {
    expect(sealOptional(null, AAD, keyring)).toBeNull();
    expect(openOptional(null, AAD, keyring)).toBeNull();
    const sealed = sealOptional('tekst', AAD, keyring);
    expect(openOptional(sealed, AAD, keyring)).toBe('tekst');
  });
});

describe('key rotation', () => {
  it('opens values sealed with an old key and flags them for resealing', () => {
    const a = newKey();
    const b = newKey();
    const before = keyringFrom({ current: a });
    const after = keyringFrom({ current: b, old: [a] });
    const sealed = sealText('gammel verdi', AAD, before);

    expect(needsResealing(sealed, before)).toBe(false);
    expect(openText(sealed, AAD, after)).toBe('gammel verdi');
    expect(needsResealing(sealed, after)).toBe(true);

    const resealed = sealText(openText(sealed, AAD, after), AAD, after);
    expect(needsResealing(resealed, after)).toBe(false);
    expect(sealErrorOf(() => openText(resealed, AAD, before)).code).toBe('unknown_key');
  });
});

describe('data keys', () => {
  const keyring = keyringFrom({ current: newKey() });
  const KEY_AAD = 'conversation:7:key';

  it('wraps and unwraps a data key', () => {
    const dataKey = newDataKey();
    expect(dataKey).toHaveLength(32);
    const wrapped = wrapKey(dataKey, KEY_AAD, keyring);
    expect(wrapped.startsWith(`v1.${keyring.current.id}.`)).toBe(true);
    expect(unwrapKey(wrapped, KEY_AAD, keyring).equals(dataKey)).toBe(true);
  });

  it('detects a tampered or moved wrapped key, and never opens it as text', () => {
    const wrapped = wrapKey(newDataKey(), KEY_AAD, keyring);
    const [version, id, iv, body] = wrapped.split('.') as [string, string, string, string];
    const flipped = [version, id, iv, flipBit(body, 3)].join('.');
    expect(sealErrorOf(() => unwrapKey(flipped, KEY_AAD, keyring)).code).toBe('tampered');
    expect(sealErrorOf(() => unwrapKey(wrapped, 'conversation:8:key', keyring)).code).toBe('tampered');
    expect(sealErrorOf(() => openText(wrapped, KEY_AAD, keyring)).code).toBe('tampered');
  });

  it('refuses to wrap a key of the wrong size', () => {
    expect(() => wrapKey(randomBytes(31), KEY_AAD, keyring)).toThrow(/32 bytes/);
  });

  it('seals and opens with a data key', () => {
    const dataKey = newDataKey();
    const text = 'Chatmelding med æøå og 🙂';
    const sealed = sealWithKey(text, dataKey, 'message:1');
    expect(sealed).toMatch(/^k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealWithKey(text, dataKey, 'message:1')).not.toBe(sealed);
    expect(openWithKey(sealed, dataKey, 'message:1')).toBe(text);
  });

  it('detects tampering, a wrong aad and a wrong key with a data key', () => {
    const dataKey = newDataKey();
    const sealed = sealWithKey('hemmelig', dataKey, 'message:1');
    const [version, iv, body] = sealed.split('.') as [string, string, string];
    const flipped = [version, iv, flipBit(body, 0)].join('.');
    expect(sealErrorOf(() => openWithKey(flipped, dataKey, 'message:1')).code).toBe('tampered');
    expect(sealErrorOf(() => openWithKey(sealed, dataKey, 'message:2')).code).toBe('tampered');
    expect(sealErrorOf(() => openWithKey(sealed, newDataKey(), 'message:1')).code).toBe('tampered');
    expect(sealErrorOf(() => openWithKey('k1.garbage', dataKey, 'message:1')).code).toBe('malformed');
    expect(sealErrorOf(() => openWithKey(sealText('x', 'message:1', keyring), dataKey, 'message:1')).code).toBe('malformed');
  });
});
