import { describe, expect, it } from 'vitest';
import { withoutQuotedText } from '@/lib/server/content-free-console';

describe('withoutQuotedText', () => {
  it("drops the header values Next quotes when it refuses a forwarded server action", () => {
    const host = 'Ola Nordmann f. 01.02.03` and `more';
    const line = `\`x-forwarded-host\` header with value \`${host}\` does not match \`origin\` header with value \`evil.example\` from a forwarded Server Actions request. Aborting the action.`;
    const text = withoutQuotedText(line);
    for (const part of ['Ola', 'Nordmann', 'more', 'evil.example', 'Aborting']) expect(text).not.toContain(part);
  });

  it('drops URLs and addresses, keeps plain words @claim:logg-uten-innhold', () => {
    expect(withoutQuotedText('Failed to fetch http://203.0.113.7:3000/x?token=abc')).toBe('Failed to fetch …');
    expect(withoutQuotedText('client 203.0.113.7 and 2001:db8::77 left')).toBe('client … and … left');
    expect(withoutQuotedText('Compiled in 3s')).toBe('Compiled in 3s');
  });
});
