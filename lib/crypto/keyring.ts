import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * The keys that protect personal data at rest. There is one current key (used for
 * every new seal) and any number of old keys (only for opening what they sealed),
 * so the master key can be rotated without a flag day. Each key's id is derived
 * from the key itself, so nothing but the keys has to be configured, and the keys
 * are held as KeyObjects so that logging a keyring never prints key material.
 */

export interface KeyringKey {
  /** First 8 hex characters of SHA-256 over the raw key bytes. */
  readonly id: string;
  readonly key: KeyObject;
}

export interface Keyring {
  readonly current: KeyringKey;
  readonly old: readonly KeyringKey[];
}

export const KEY_BYTES = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/** The id a key gets: derived from the key, never configured. */
export function keyId(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 8);
}

function parseKey(base64: string, label: string): KeyringKey {
  const text = base64.trim();
  if (!BASE64.test(text)) throw new Error(`${label} is not valid base64`);
  const raw = Buffer.from(text, 'base64');
  if (raw.length !== KEY_BYTES) {
    throw new Error(`${label} must be ${KEY_BYTES} bytes, but decodes to ${raw.length}`);
  }
  return Object.freeze({ id: keyId(raw), key: createSecretKey(raw) });
}

/** Builds a keyring from base64 keys. Pure: does not read the environment. */
export function keyringFrom(source: { current: string; old?: readonly string[] }): Keyring {
  const current = parseKey(source.current, 'Current key (DATA_ENCRYPTION_KEY)');
  const seen = new Map<string, KeyringKey>([[current.id, current]]);
  const old: KeyringKey[] = [];
  (source.old ?? []).forEach((base64, index) => {
    const key = parseKey(base64, `Old key #${index + 1} (DATA_ENCRYPTION_KEYS_OLD)`);
    const known = seen.get(key.id);
    if (known) {
      // The same key listed twice (e.g. the current key left in the old list) is harmless.
      if (known.key.equals(key.key)) return;
      throw new Error(`Old key #${index + 1} (DATA_ENCRYPTION_KEYS_OLD) has the same id as another key; replace one of them`);
    }
    seen.set(key.id, key);
    old.push(key);
  });
  return Object.freeze({ current, old: Object.freeze(old) });
}

/** The key with this id, current or old. */
export function findKey(keyring: Keyring, id: string): KeyringKey | undefined {
  if (keyring.current.id === id) return keyring.current;
  return keyring.old.find((key) => key.id === id);
}

/** Splits a comma-separated key list, tolerating spaces and empty entries. */
export function splitKeyList(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

interface CachedKeyring {
  source: string;
  keyring: Keyring;
}

// A copy of this module elsewhere in the process builds the same keyring from the same
// environment, so a cache per copy is enough.
let cached: CachedKeyring | undefined;

/** The application's keyring, from the environment; rebuilt only when the keys change. */
export function appKeyring(): Keyring {
  const config = env();
  const current = config.DATA_ENCRYPTION_KEY;
  if (!current) throw new Error('DATA_ENCRYPTION_KEY is not set');
  const oldList = (config as { DATA_ENCRYPTION_KEYS_OLD?: string }).DATA_ENCRYPTION_KEYS_OLD ?? '';
  const source = `${current}|${oldList}`;
  if (cached?.source === source) return cached.keyring;
  const keyring = keyringFrom({ current, old: splitKeyList(oldList) });
  cached = { source, keyring };
  return keyring;
}
