import { HOTP, Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpQrSvg, totpStep, totpUri, verifyTotp } from '@/lib/auth/totp';

const NOW = new Date('2025-03-14T09:26:53Z');

function codeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

describe('newTotpSecret', () => {
  it('makes a fresh 20-byte base32 secret each time', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
  });
});

describe('totpUri / totpQrSvg', () => {
  it('builds an otpauth URI with issuer, account and the standard settings', () => {
    const secret = newTotpSecret();
    const uri = totpUri({ secret, account: 'kari@example.no' });
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    expect(uri).toContain('Hjelpelinje');
    expect(uri).toContain(encodeURIComponent('kari@example.no'));
    const params = new URL(uri).searchParams;
    expect(params.get('issuer')).toBe('Hjelpelinje');
    expect(params.get('secret')).toBe(secret);
    expect(params.get('algorithm')).toBe('SHA1');
    expect(params.get('digits')).toBe('6');
    expect(params.get('period')).toBe('30');
    expect(totpUri({ secret, account: 'a@b.no', issuer: 'Test' })).toContain('issuer=Test');
  });

  it('draws the QR code as an SVG string', async () => {
    const svg = await totpQrSvg(totpUri({ secret: newTotpSecret(), account: 'kari@example.no' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

describe('verifyTotp', () => {
  const secret = newTotpSecret();

  it('accepts the code for now and returns its step', () => {
    expect(verifyTotp({ secret, code: codeAt(secret, NOW), now: NOW, lastUsedStep: null })).toEqual({ ok: true, step: totpStep(NOW) });
  });

  it('accepts one step either side, not two', () => {
    const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
    expect(verifyTotp({ secret, code: codeAt(secret, ago(30)), now: NOW, lastUsedStep: null })).toEqual({ ok: true, step: totpStep(NOW) - 1 });
    expect(verifyTotp({ secret, code: codeAt(secret, ago(-30)), now: NOW, lastUsedStep: null })).toEqual({ ok: true, step: totpStep(NOW) + 1 });
    expect(verifyTotp({ secret, code: codeAt(secret, ago(60)), now: NOW, lastUsedStep: null })).toEqual({ ok: false });
    expect(verifyTotp({ secret, code: codeAt(secret, ago(-60)), now: NOW, lastUsedStep: null })).toEqual({ ok: false });
  });

  it('takes the time from `now`, not the system clock', () => {
    const past = new Date('2001-09-09T01:46:40Z');
    expect(verifyTotp({ secret, code: codeAt(secret, past), now: past, lastUsedStep: null }).ok).toBe(true);
  });

  it('refuses the same code the second time (replay)', () => {
    const code = codeAt(secret, NOW);
    const first = verifyTotp({ secret, code, now: NOW, lastUsedStep: null });
    expect(first.ok).toBe(true);
    const lastUsedStep = first.ok ? first.step : null;
    expect(verifyTotp({ secret, code, now: NOW, lastUsedStep })).toEqual({ ok: false });
    // ...and an older code in the window once a newer one is used.
    expect(verifyTotp({ secret, code: codeAt(secret, new Date(NOW.getTime() - 30_000)), now: NOW, lastUsedStep })).toEqual({ ok: false });
    // The next step's code still works.
    const later = new Date(NOW.getTime() + 30_000);
    expect(verifyTotp({ secret, code: codeAt(secret, later), now: later, lastUsedStep })).toEqual({ ok: true, step: totpStep(later) });
  });

  it('strips spaces but refuses anything that is not exactly 6 digits', () => {
    const code = codeAt(secret, NOW);
    expect(verifyTotp({ secret, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, now: NOW, lastUsedStep: null }).ok).toBe(true);
    for (const bad of [code.slice(0, 5), `${code}0`, `${code.slice(0, 5)}a`, 'abcdef', '', '١٢٣٤٥٦', `${code.slice(0, 5)}-`]) {
      expect(verifyTotp({ secret, code: bad, now: NOW, lastUsedStep: null })).toEqual({ ok: false });
    }
  });

  it('refuses a wrong code, a bad secret and an invalid date without throwing', () => {
    const code = codeAt(secret, NOW);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const near = [-1, 0, 1].map((d) => HOTP.generate({ secret: Secret.fromBase32(secret), counter: totpStep(NOW) + d }));
    if (!near.includes(wrong)) expect(verifyTotp({ secret, code: wrong, now: NOW, lastUsedStep: null })).toEqual({ ok: false });
    expect(verifyTotp({ secret: 'not base32!', code, now: NOW, lastUsedStep: null })).toEqual({ ok: false });
    expect(verifyTotp({ secret: '', code, now: NOW, lastUsedStep: null })).toEqual({ ok: false });
    expect(verifyTotp({ secret, code, now: new Date(Number.NaN), lastUsedStep: null })).toEqual({ ok: false });
    expect(verifyTotp({ secret: newTotpSecret(), code, now: NOW, lastUsedStep: null }).ok).toBe(false);
  });
});
