import { describe, expect, it, vi } from 'vitest';
import { handlerPathPrefixes } from '@/lib/security/headers';

vi.mock('@/lib/security/prerendered-hashes', () => ({ BuildOutputError: class extends Error {}, prerenderedHashes: () => () => [] }));
const { config } = await import('@/proxy');

/** Next turns the matcher into a regular expression over the path; this is the same reading. */
const runsOn = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe('which requests the proxy sees', () => {
  it('pages, the staff area and Auth.js, but none of the chat handlers that answer JSON', () => {
    for (const page of ['/', '/kontakt', '/chat', '/unge', '/staff', '/staff/chat', '/api/auth/session', '/personvern']) {
      expect(runsOn(page), page).toBe(true);
    }
    for (const prefix of handlerPathPrefixes) {
      expect(runsOn(`${prefix}meldinger`), prefix).toBe(false);
    }
    for (const file of ['/_next/static/chunks/a.js', '/favicon.ico']) expect(runsOn(file), file).toBe(false);
  });
});
