import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets the app cannot run without. For a local run on the embedded database they are
 * made on first start and kept in the data folder; production sets them in the environment
 * (every instance must share them, and a file beside the data is no place for them).
 */
const generators = {
  AUTH_SECRET: () => randomBytes(48).toString('base64url'),
  DATA_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
} as const;

export type SecretName = keyof typeof generators;
const secretNames = Object.keys(generators) as SecretName[];

export function missingSecrets(source: Record<string, string | undefined>): SecretName[] {
  return secretNames.filter((name) => !source[name]);
}

/** Fills missing secrets into `target` from `<dataDir>/secrets.json`, creating what is absent. */
export function loadOrCreateSecrets(dataDir: string, target: Record<string, string | undefined>): { created: SecretName[]; file: string } {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Record<SecretName, string>> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof stored;
  } catch {
    stored = {};
  }
  const created: SecretName[] = [];
  for (const name of missingSecrets(target)) {
    if (!stored[name]) {
      stored[name] = generators[name]();
      created.push(name);
    }
    target[name] = stored[name];
  }
  if (created.length) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  return { created, file };
}
