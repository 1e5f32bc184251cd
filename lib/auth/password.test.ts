import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  dummyHash,
  hashPassword,
  PASSWORD_MESSAGES,
  verifyPassword,
  verifyPasswordOrDummy,
} from '@/lib/auth/password';

const STRONG = 'tåke-fyrlykt-Kvist-93';

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id at the OWASP parameters and verifies the round trip @claim:ansattes-passord', async () => {
    const hash = await hashPassword(STRONG);
    expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword(hash, STRONG)).toBe(true);
    expect(await verifyPassword(hash, `${STRONG}x`)).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword(STRONG)).not.toBe(await hashPassword(STRONG));
  });

  it('returns false, never throws, for a malformed hash', async () => {
    for (const bad of ['', 'not a hash', '$argon2id$v=19$m=19456,t=2,p=1$', '$2b$10$abcdefghijklmnopqrstuv', '$argon2id$v=19$m=19456,t=2,p=1$!!!$???']) {
      await expect(verifyPassword(bad, STRONG)).resolves.toBe(false);
    }
  });

  it('treats canonically equivalent (NFC/NFD) spellings as the same password', async () => {
    const composed = 'blåbærsyltetøy-på-hytta'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });

  it('has one dummy hash per process, with the same parameters, that matches nothing useful', async () => {
    const first = await dummyHash();
    expect(await dummyHash()).toBe(first);
    expect(first.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword(first, STRONG)).toBe(false);
  });

  it('verifyPasswordOrDummy answers false for a missing hash and checks a real one', async () => {
    expect(await verifyPasswordOrDummy(null, STRONG)).toBe(false);
    expect(await verifyPasswordOrDummy(undefined, STRONG)).toBe(false);
    const hash = await hashPassword(STRONG);
    expect(await verifyPasswordOrDummy(hash, STRONG)).toBe(true);
    expect(await verifyPasswordOrDummy(hash, 'feil-passord-123')).toBe(false);
  });
});

describe('checkPasswordPolicy', () => {
  const common = dictionary['passwords-common'];

  it('the dictionary has the base words these tests rely on', () => {
    for (const word of ['password', 'sommer', 'passord', 'qwerty123456']) expect(common).toContain(word);
  });

  it('refuses 11 characters and accepts 12', () => {
    expect(checkPasswordPolicy('Tåke-Fyr-93')).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
    expect(checkPasswordPolicy('Tåke-Fyr-937')).toEqual({ ok: true });
  });

  it('accepts 128 characters and refuses 129', () => {
    const base = 'Tåke-Fyrlykt-Kvist-'.repeat(7); // 133
    expect(checkPasswordPolicy(base.slice(0, 128))).toEqual({ ok: true });
    expect(checkPasswordPolicy(base.slice(0, 129))).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooLong });
  });

  it('counts length in code points, not UTF-16 units', () => {
    // 11 emoji: 22 UTF-16 units but 11 characters, so too short.
    expect(checkPasswordPolicy('🔑'.repeat(11))).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
    expect(checkPasswordPolicy('🔑🌊⛵🏔🌲🦌🐟🍓☕🎿🧭🔥')).toEqual({ ok: true });
    // 65 emoji = 130 units but only 65 characters: within the maximum.
    expect(checkPasswordPolicy('🔑🌊⛵🏔🌲'.repeat(13)).ok).toBe(true);
  });

  it('does not trim: spaces count as characters', () => {
    expect(checkPasswordPolicy('  Tåke-Fyr  ')).toEqual({ ok: true });
  });

  it('refuses common passwords, also with trailing digits or punctuation and in any case', () => {
    const refused = { ok: false, message: PASSWORD_MESSAGES.common };
    expect(checkPasswordPolicy('qwerty123456')).toEqual(refused);
    expect(checkPasswordPolicy('password123456')).toEqual(refused);
    expect(checkPasswordPolicy('Password123!')).toEqual(refused);
    expect(checkPasswordPolicy('Sommer2024!!')).toEqual(refused);
    expect(checkPasswordPolicy('PASSORD2024!?')).toEqual(refused);
    expect(checkPasswordPolicy('123456789012')).toEqual(refused);
  });

  it('refuses a password containing the e-mail local part or the name (case-insensitive, ≥ 4 chars)', () => {
    const personal = { ok: false, message: PASSWORD_MESSAGES.personal };
    expect(checkPasswordPolicy('Mitt-KARI.NORDMANN-93', { email: 'kari.nordmann@example.no' })).toEqual(personal);
    expect(checkPasswordPolicy('hei-Kari Nordmann-93', { name: 'Kari Nordmann' })).toEqual(personal);
    expect(checkPasswordPolicy('hei-KariNordmann-93', { name: 'Kari Nordmann' })).toEqual(personal);
    // Shorter than 4 characters: not checked.
    expect(checkPasswordPolicy('Tåke-Fyrlykt-ola-93', { email: 'ola@example.no', name: 'Ola' })).toEqual({ ok: true });
    // Only the local part counts, not the domain.
    expect(checkPasswordPolicy('Tåke-example-93', { email: 'kari.nordmann@example.no' })).toEqual({ ok: true });
  });
});
