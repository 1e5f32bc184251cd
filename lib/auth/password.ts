/**
 * Staff passwords: hashing, verification and the policy a new password must meet.
 *
 * Why it looks like this:
 * - argon2id with OWASP's recommended minimum (19 MiB memory, 2 passes, 1 lane) is the current
 *   best practice for stored passwords; the parameters live in the PHC string, so a later change
 *   of policy can still verify old hashes.
 * - `verifyPassword` never throws: a malformed or foreign hash in the database is "wrong
 *   password", not a 500 that tells an attacker something differs.
 * - Sign-in must take the same time and give the same answer whether the e-mail is unknown or
 *   the password is wrong, otherwise the response time enumerates staff accounts. For an unknown
 *   e-mail, verify against `dummyHash()` (same parameters, so same cost), or call
 *   `verifyPasswordOrDummy`, which does that for you.
 * - The policy follows NIST SP 800-63B: length and a block-list of common passwords rather than
 *   composition rules, plus no e-mail or name in the password.
 * - Unicode: passwords are normalised to NFC (here, in hashing and in verifying) and nothing
 *   else. NFC only merges canonically equivalent encodings of the same text (an "å" typed as one
 *   code point on one device and as "a" + combining ring on another), so the same password always
 *   gives the same bytes. We do not trim (spaces are legitimate in passphrases, and silently
 *   changing what the user chose means a password they cannot reproduce) and do not use NFKC
 *   (it folds distinct characters together, e.g. full-width or ligature forms, weakening the
 *   password and surprising the user).
 */
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// `Algorithm` is declared as an ambient `const enum`, which `isolatedModules` builds (Next, vitest)
// cannot inline, and the package's runtime `Algorithm` export is an empty object. So we use the
// enum's documented value (Argon2id = 2) typed through the enum; the tests check the hash really
// says `$argon2id$`.
const ARGON2ID: Algorithm = 2;

/** OWASP Password Storage Cheat Sheet, argon2id option 1 (memoryCost in KiB). */
const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 128;

/**
 * Inputs longer than this are refused by `verifyPassword` without hashing, so a sign-in form cannot
 * be used to make the server hash megabytes. No valid password comes near it (the policy caps at
 * 128 code points, which is at most 256 UTF-16 units).
 */
const VERIFY_MAX_INPUT = 4096;

function normalise(plain: string): string {
  return plain.normalize('NFC');
}

export async function hashPassword(plain: string): Promise<string> {
  return hash(normalise(plain), ARGON2_OPTIONS);
}

/** True only when `plain` matches `hash`. Never throws: a malformed hash is simply false. */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  if (typeof hash !== 'string' || typeof plain !== 'string' || plain.length > VERIFY_MAX_INPUT) return false;
  try {
    return await verify(hash, normalise(plain));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password with the same parameters as real ones, made once per process on
 * first use. Verify against it when the e-mail is unknown so that path costs what a wrong password
 * costs. (The very first call also pays for making it; call it once at start-up to warm it.)
 */
export function dummyHash(): Promise<string> {
  if (!dummy) {
    dummy = hashPassword(randomBytes(32).toString('base64url'));
    // A failed attempt must not be cached forever.
    dummy.catch(() => {
      dummy = undefined;
    });
  }
  return dummy;
}

/**
 * Sign-in helper: verifies against `hash`, or against the dummy hash when there is none (unknown
 * e-mail, or an account without a password), so both paths take the same time and return false.
 */
export async function verifyPasswordOrDummy(hash: string | null | undefined, plain: string): Promise<boolean> {
  if (hash) return verifyPassword(hash, plain);
  await verifyPassword(await dummyHash(), plain);
  return false;
}

export type PasswordPolicyResult = { ok: true } | { ok: false; message: string };

export const PASSWORD_MESSAGES = {
  tooShort: `Passordet må ha minst ${PASSWORD_MIN_LENGTH} tegn.`,
  tooLong: `Passordet kan ha høyst ${PASSWORD_MAX_LENGTH} tegn.`,
  common: 'Passordet er for vanlig. Velg et som er vanskeligere å gjette.',
  personal: 'Passordet kan ikke inneholde e-postadressen eller navnet ditt.',
} as const;

let commonPasswords: Set<string> | undefined;

/** The ~49,000 common passwords (already lowercase), built into a Set on first use. */
function commonSet(): Set<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return commonPasswords;
}

/** Trailing digits, punctuation, symbols and spaces: the "Password123!" decoration. */
const TRAILING_DECORATION = /[\p{N}\p{P}\p{S}\s]+$/u;

function isCommon(lower: string): boolean {
  const set = commonSet();
  if (set.has(lower)) return true;
  const base = lower.replace(TRAILING_DECORATION, '');
  return base.length > 0 && base !== lower && set.has(base);
}

const MIN_PERSONAL_LENGTH = 4;

/**
 * The e-mail's local part and the name (also with its spaces and hyphens removed, for
 * "KariNordmann"), lowercased, each only when at least 4 characters. Name parts are not checked
 * one by one: a short first name such as "Anne" would then refuse "channel…", which reads as a bug.
 */
function personalTerms(context: { email?: string; name?: string }): string[] {
  const terms = new Set<string>();
  const add = (value: string) => {
    const term = normalise(value).trim().toLowerCase();
    if ([...term].length >= MIN_PERSONAL_LENGTH) terms.add(term);
  };
  if (context.email) {
    const at = context.email.lastIndexOf('@');
    add(at >= 0 ? context.email.slice(0, at) : context.email);
  }
  if (context.name) {
    add(context.name);
    add(context.name.replace(/[\s-]+/gu, ''));
  }
  return [...terms];
}

/**
 * Checks a new password for a staff user. Returns the first rule it breaks, with a Norwegian
 * message ready for the form.
 */
export function checkPasswordPolicy(plain: string, context: { email?: string; name?: string } = {}): PasswordPolicyResult {
  const password = normalise(plain);
  // Code points, not UTF-16 units: "😀" is one character to the user.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, message: PASSWORD_MESSAGES.tooShort };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, message: PASSWORD_MESSAGES.tooLong };

  const lower = password.toLowerCase();
  if (isCommon(lower)) return { ok: false, message: PASSWORD_MESSAGES.common };
  if (personalTerms(context).some((term) => lower.includes(term))) {
    return { ok: false, message: PASSWORD_MESSAGES.personal };
  }
  return { ok: true };
}
