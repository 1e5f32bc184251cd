import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { appKeyring, findKey, KEY_BYTES, type Keyring } from '@/lib/crypto/keyring';

/**
 * Sealing of personal data before it is stored: AES-256-GCM with a fresh random IV
 * per value. The `aad` names where a value lives (e.g. `inquiry:<id>:message`) and is
 * authenticated, so a sealed value copied to another row or column will not open.
 * The AAD also covers the kind of value (text or key), so a wrapped data key can never
 * be opened as text.
 *
 * Formats (base64url parts):
 *   v1.<keyId>.<iv>.<ciphertext+tag>  sealed with a keyring key (master key, rotatable)
 *   k1.<iv>.<ciphertext+tag>          sealed with a data key (e.g. one per conversation)
 */

export type SealErrorCode = 'malformed' | 'unknown_key' | 'tampered';

const messages: Record<SealErrorCode, string> = {
  malformed: 'Sealed value is malformed',
  unknown_key: 'Sealed value uses a key that is not in the keyring',
  tampered: 'Sealed value failed authentication (tampered, or opened with the wrong aad or key)',
};

/** Thrown when a value cannot be opened. Never carries plaintext, aad or key material. */
export class SealError extends Error {
  readonly code: SealErrorCode;
  constructor(code: SealErrorCode) {
    super(messages[code]);
    this.name = 'SealError';
    this.code = code;
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
type Kind = 'text' | 'key';

function aadBytes(kind: Kind, aad: string): Buffer {
  if (!aad) throw new Error('aad must name where the value is stored');
  return Buffer.from(`${kind}\0${aad}`, 'utf8');
}

function encrypt(key: KeyObject | Buffer, plaintext: Buffer, aad: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString('base64url')}.${body.toString('base64url')}`;
}

function decrypt(key: KeyObject | Buffer, iv: Buffer, body: Buffer, aad: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealError('tampered');
  }
}

/** Strict base64url: only canonical encodings, so each sealed value has one spelling. */
function fromBase64url(part: string | undefined): Buffer {
  if (part === undefined || !/^[A-Za-z0-9_-]+$/.test(part)) throw new SealError('malformed');
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) throw new SealError('malformed');
  return bytes;
}

function parseBody(ivPart: string | undefined, bodyPart: string | undefined): { iv: Buffer; body: Buffer } {
  const iv = fromBase64url(ivPart);
  const body = fromBase64url(bodyPart);
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SealError('malformed');
  return { iv, body };
}

function parseV1(sealed: string): { keyId: string; iv: Buffer; body: Buffer } {
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  const [version, keyId, ivPart, bodyPart] = parts;
  if (parts.length !== 4 || version !== 'v1' || !keyId || !/^[0-9a-f]{8}$/.test(keyId)) {
    throw new SealError('malformed');
  }
  return { keyId, ...parseBody(ivPart, bodyPart) };
}

function sealBytes(plaintext: Buffer, aad: Buffer, keyring: Keyring): string {
  return `v1.${keyring.current.id}.${encrypt(keyring.current.key, plaintext, aad)}`;
}

function openBytes(sealed: string, aad: Buffer, keyring: Keyring): Buffer {
  const { keyId, iv, body } = parseV1(sealed);
  const key = findKey(keyring, keyId);
  if (!key) throw new SealError('unknown_key');
  return decrypt(key.key, iv, body, aad);
}

/**
 * What sealText writes (v1.<key id>.<iv>.<ciphertext>), as a pattern JavaScript and PostgreSQL
 * (`~`) read alike. The start-up jobs that seal values stored before sealing use it to tell the
 * two apart: no plain value the app stores looks like this.
 */
export const SEALED_TEXT = '^v1\\.[0-9a-f]{8}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$';

export const isSealedText = (value: string): boolean => new RegExp(SEALED_TEXT).test(value);

export function sealText(plaintext: string, aad: string, keyring: Keyring = appKeyring()): string {
  return sealBytes(Buffer.from(plaintext, 'utf8'), aadBytes('text', aad), keyring);
}

export function openText(sealed: string, aad: string, keyring: Keyring = appKeyring()): string {
  return openBytes(sealed, aadBytes('text', aad), keyring).toString('utf8');
}

export function sealOptional(plaintext: string | null | undefined, aad: string, keyring?: Keyring): string | null {
  return plaintext == null ? null : sealText(plaintext, aad, keyring);
}

export function openOptional(sealed: string | null | undefined, aad: string, keyring?: Keyring): string | null {
  return sealed == null ? null : openText(sealed, aad, keyring);
}

/** True when a v1 value (text or wrapped key) was sealed with an old key and should be sealed again. */
export function needsResealing(sealed: string, keyring: Keyring = appKeyring()): boolean {
  const { keyId } = parseV1(sealed);
  if (!findKey(keyring, keyId)) throw new SealError('unknown_key');
  return keyId !== keyring.current.id;
}

function assertDataKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new Error(`A data key must be ${KEY_BYTES} bytes`);
}

/** A fresh random data key, e.g. for one chat conversation. Store it only wrapped. */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Seals a data key under the keyring's current key (v1 format, so it rotates like text). */
export function wrapKey(dataKey: Buffer, aad: string, keyring: Keyring = appKeyring()): string {
  assertDataKey(dataKey);
  return sealBytes(dataKey, aadBytes('key', aad), keyring);
}

export function unwrapKey(wrapped: string, aad: string, keyring: Keyring = appKeyring()): Buffer {
  const key = openBytes(wrapped, aadBytes('key', aad), keyring);
  if (key.length !== KEY_BYTES) throw new SealError('malformed');
  return key;
}

export function sealWithKey(plaintext: string, key: Buffer, aad: string): string {
  assertDataKey(key);
  return `k1.${encrypt(key, Buffer.from(plaintext, 'utf8'), aadBytes('text', aad))}`;
}

export function openWithKey(sealed: string, key: Buffer, aad: string): string {
  assertDataKey(key);
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  const [version, ivPart, bodyPart] = parts;
  if (parts.length !== 3 || version !== 'k1') throw new SealError('malformed');
  const { iv, body } = parseBody(ivPart, bodyPart);
  return decrypt(key, iv, body, aadBytes('text', aad)).toString('utf8');
}
