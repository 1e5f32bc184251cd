import { describe, expect, it } from 'vitest';
import { EXPIRES_AFTER_DAYS, securityContacts, securityTxt } from './security-txt';

const fields = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => /^([A-Za-z-]+): (.+)$/.exec(line))
    .map((m) => {
      if (!m) throw new Error('a line that is not "Field: value"');
      return [m[1]!, m[2]!] as const;
    });

describe('securityTxt (RFC 9116)', () => {
  const now = new Date('2026-12-01T12:26:00Z');
  const text = securityTxt({ contacts: ['mailto:sikkerhet@example.no', 'https://example.no/sikkerhet'], siteUrl: 'https://example.no', now });

  it('has the required fields, Contact first and Expires exactly once', () => {
    const list = fields(text);
    expect(list.filter(([name]) => name === 'Contact').map(([, v]) => v)).toEqual(['mailto:sikkerhet@example.no', 'https://example.no/sikkerhet']);
    expect(list.filter(([name]) => name === 'Expires')).toHaveLength(1);
    expect(list.find(([name]) => name === 'Preferred-Languages')?.[1]).toBe('no, en');
    expect(list.find(([name]) => name === 'Canonical')?.[1]).toBe('https://example.no/.well-known/security.txt');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('expires in the future and less than a year ahead, in RFC 3339 form', () => {
    const expires = fields(text).find(([name]) => name === 'Expires')![1];
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const days = (Date.parse(expires) - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(EXPIRES_AFTER_DAYS - 1);
    expect(days).toBeLessThan(365);
  });

  it('is the same text all day', () => {
    const evening = securityTxt({ contacts: ['mailto:a@example.no'], siteUrl: 'https://example.no', now: new Date('2026-12-01T23:59:59Z') });
    const morning = securityTxt({ contacts: ['mailto:a@example.no'], siteUrl: 'https://example.no', now: new Date('2026-12-01T00:00:00Z') });
    expect(evening).toBe(morning);
  });

  it('refuses to write a file without a contact', () => {
    expect(() => securityTxt({ contacts: [], siteUrl: 'https://example.no', now })).toThrow();
  });
});

describe('securityContacts', () => {
  it('takes SECURITY_CONTACT when set, else the public contact address', () => {
    expect(securityContacts({ SECURITY_CONTACT: ['tel:+4712345678'], CONTACT_EMAIL: 'kontakt@example.no' })).toEqual(['tel:+4712345678']);
    expect(securityContacts({ SECURITY_CONTACT: [], CONTACT_EMAIL: 'kontakt@example.no' })).toEqual(['mailto:kontakt@example.no']);
  });
});
