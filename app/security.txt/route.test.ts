import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { GET } from './route';

/** The handler reads the contact from the running server's configuration, not from the build. */
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

function configure(vars: Record<string, string>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  resetEnvCache();
}

describe('GET /security.txt', () => {
  it('names SECURITY_CONTACT and the canonical address under SITE_URL', async () => {
    configure({ SECURITY_CONTACT: 'sikkerhet@example.no, https://example.no/sikkerhet', SITE_URL: 'https://example.no/' });
    const response = await GET(new Request('http://127.0.0.1/security.txt'));
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('Contact: mailto:sikkerhet@example.no\nContact: https://example.no/sikkerhet\n');
    expect(text).toContain('Canonical: https://example.no/.well-known/security.txt\n');
    expect(text).not.toContain('kontakt@');
  });

  it('falls back to CONTACT_EMAIL when no security contact is configured', async () => {
    configure({ SECURITY_CONTACT: '', CONTACT_EMAIL: 'post@example.no' });
    expect(await (await GET(new Request('http://127.0.0.1/security.txt'))).text()).toMatch(/^Contact: mailto:post@example\.no\n/);
  });
});
