import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provedClaims } from '@/lib/privacy/proof';

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('the proof /apenhet shows', () => {
  it('lists every checkable claim of the registry in plain words, with the day it was proved @claim:apenhet-viser-bevis', () => {
    const registry = read('content/personvern/claims.json');
    const { claims, promises } = provedClaims(registry, { provedOn: '2026-12-06', commit: 'abc1234', claims: { 'ingen-ip': '2026-12-06' } });
    expect(claims.map((c) => c.id)).toEqual(Object.keys(registry.claims));
    expect(claims.find((c) => c.id === 'ingen-ip')).toEqual({ id: 'ingen-ip', says: registry.claims['ingen-ip'].says, provedOn: '2026-12-06' });
    // One the last run did not prove has no day, rather than an old one.
    expect(claims.find((c) => c.id === 'dagstotaler')?.provedOn).toBeNull();
    expect(promises.map((p) => p.id)).toEqual(Object.keys(registry.promises));
    expect(promises.every((p) => p.answers.length > 0)).toBe(true);
  });

  it('reads the files the build reads by default', () => {
    const proof = read('content/personvern/proof.json');
    const { claims, commit } = provedClaims();
    expect(commit).toBe(proof.commit || null);
    for (const c of claims) expect(c.provedOn).toBe(proof.claims[c.id] || null);
  });
});
