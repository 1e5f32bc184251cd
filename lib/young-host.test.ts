import { describe, expect, it } from 'vitest';
import { isYoungHost } from '@/lib/young-host';

describe('isYoungHost', () => {
  it('matches the configured name with or without a port, in any case', () => {
    expect(isYoungHost('unge.example.no', 'unge.example.no')).toBe(true);
    expect(isYoungHost('UNGE.Example.no:8443', 'unge.example.no')).toBe(true);
    expect(isYoungHost('unge.example.no.', 'unge.example.no')).toBe(true);
  });

  it('does not match other hosts, look-alikes, or when no name is configured', () => {
    expect(isYoungHost('example.no', 'unge.example.no')).toBe(false);
    expect(isYoungHost('unge.example.no.evil.test', 'unge.example.no')).toBe(false);
    expect(isYoungHost('xunge.example.no', 'unge.example.no')).toBe(false);
    expect(isYoungHost('unge.example.no', undefined)).toBe(false);
    expect(isYoungHost(undefined, 'unge.example.no')).toBe(false);
  });
});
