/**
 * TOTP second factor (RFC 6238) for staff sign-in.
 *
 * Why it looks like this:
 * - SHA1, 6 digits, 30 s: the only settings every authenticator app honours.
 * - The QR code is drawn on our own server (`qrcode` → SVG string), so the secret never goes to a
 *   third-party QR service or leaves the page as an image URL.
 * - `verifyTotp` takes the time from the caller's `now` (the app's Clock), never from Date.now(),
 *   so tests and the end-to-end clock can set it.
 * - A window of ±1 step tolerates clock drift and slow typing; more would widen the guessing window.
 * - Replay: the caller stores the returned step and passes it back as `lastUsedStep`; a code whose
 *   step is not later than that is refused, so a code seen over someone's shoulder (or in a log)
 *   cannot be used again within its lifetime. The check here is only a first filter: parallel
 *   sign-ins all read the same `lastUsedStep`, so the caller must store the step with one
 *   conditional update that succeeds only while the stored step is earlier (`completeSignIn` in
 *   db/queries/sign-in-attempts.ts); that update, not this check, makes one code one session.
 * - We generate the expected codes ourselves and compare them with `timingSafeEqual`, checking
 *   every step in the window without stopping early, so timing does not say how close a guess was.
 */
import { timingSafeEqual } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD_SECONDS = 30;
const WINDOW = 1;
const SECRET_BYTES = 20;
/** RFC 4226 R6: the shared secret must be at least 128 bits. */
const MIN_SECRET_BYTES = 16;

/** A new random secret (20 bytes, base32 without padding: 32 characters). */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri({ secret, account, issuer = 'Hjelpelinje' }: { secret: string; account: string; issuer?: string }): string {
  return new TOTP({
    issuer,
    label: account,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

/** The URI as an inline SVG QR code, made here so no third party ever sees the secret. */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1 });
}

/** The time step `now` falls in (what the caller stores as the last used step). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

function parseSecret(secret: string): Secret | null {
  try {
    const parsed = Secret.fromBase32(secret);
    return parsed.bytes.length >= MIN_SECRET_BYTES ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Checks a code typed by the user. Accepts exactly 6 digits (spaces removed) matching a step
 * within ±1 of `now`, and only if that step is later than `lastUsedStep`. On success returns the
 * step, which the caller must store as the new `lastUsedStep`.
 */
export function verifyTotp({
  secret,
  code,
  now,
  lastUsedStep,
}: {
  secret: string;
  code: string;
  now: Date;
  lastUsedStep: number | null;
}): { ok: true; step: number } | { ok: false } {
  if (typeof code !== 'string' || !(now instanceof Date) || Number.isNaN(now.getTime())) return { ok: false };
  const token = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(token)) return { ok: false };
  const key = parseSecret(secret);
  if (!key) return { ok: false };

  const given = Buffer.from(token, 'utf8');
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - WINDOW; step <= current + WINDOW; step++) {
    if (step < 0) continue;
    const expected = Buffer.from(HOTP.generate({ secret: key, algorithm: ALGORITHM, digits: DIGITS, counter: step }), 'utf8');
    // Both are 6 ASCII digits, so the lengths always match. Keep the latest matching step, so a
    // code that happens to match two steps cannot be replayed against the later one.
    if (expected.length === given.length && timingSafeEqual(expected, given)) matched = step;
  }
  if (matched === null) return { ok: false };
  if (lastUsedStep !== null && matched <= lastUsedStep) return { ok: false };
  return { ok: true, step: matched };
}
