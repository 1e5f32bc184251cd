import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSecrets } from '@/lib/secrets';

describe('loadOrCreateSecrets', () => {
  it('creates missing secrets once, privately, and reuses them on the next start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-secrets-'));
    const first: Record<string, string | undefined> = {};
    expect(loadOrCreateSecrets(dir, first).created).toEqual(['AUTH_SECRET', 'DATA_ENCRYPTION_KEY']);
    expect(Buffer.from(first.DATA_ENCRYPTION_KEY!, 'base64')).toHaveLength(32);
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o077).toBe(0);

    const second: Record<string, string | undefined> = {};
    expect(loadOrCreateSecrets(dir, second).created).toEqual([]);
    expect(second).toEqual(first);
    fs.rmSync(dir, { recursive: true });
  });

  it('never replaces a secret set in the environment', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-secrets-'));
    const target: Record<string, string | undefined> = { AUTH_SECRET: 'from-the-environment' };
    loadOrCreateSecrets(dir, target);
    expect(target.AUTH_SECRET).toBe('from-the-environment');
    fs.rmSync(dir, { recursive: true });
  });
});
