import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, EnvError, resetEnvCache } from './env';

function quickExit(url: string, nodeEnv: string): string {
  vi.stubEnv('NODE_ENV', nodeEnv);
  vi.stubEnv('QUICK_EXIT_URL', url);
  resetEnvCache();
  return env().QUICK_EXIT_URL;
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe('QUICK_EXIT_URL', () => {
  it('takes an https: address', () => {
    expect(quickExit('https://www.nrk.no/', 'production')).toBe('https://www.nrk.no/');
  });

  it('takes http: in development only', () => {
    expect(quickExit('http://localhost:8080/', 'development')).toBe('http://localhost:8080/');
    expect(() => quickExit('http://www.nrk.no/', 'production')).toThrow(EnvError);
    expect(() => quickExit('http://www.nrk.no/', 'test')).toThrow(EnvError);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.no/',
  ])('refuses %j at start with a message that says what is allowed', (url) => {
    for (const nodeEnv of ['production', 'development']) {
      expect(() => quickExit(url, nodeEnv)).toThrow(
        new EnvError(
          'Invalid configuration: QUICK_EXIT_URL: QUICK_EXIT_URL must be an https:// address such as https://www.yr.no/ (http:// only when NODE_ENV=development)',
        ),
      );
    }
  });

  it('defaults to an https: address', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('QUICK_EXIT_URL', undefined);
    resetEnvCache();
    expect(env().QUICK_EXIT_URL).toBe('https://www.yr.no/');
  });
});

describe('SECURITY_CONTACT', () => {
  function contacts(value: string): string[] {
    vi.stubEnv('SECURITY_CONTACT', value);
    resetEnvCache();
    return env().SECURITY_CONTACT;
  }

  it('turns e-mail addresses into mailto: and keeps https: and tel: addresses', () => {
    expect(contacts(' sikkerhet@example.no , https://example.no/sikkerhet,tel:+47-12345678 ')).toEqual([
      'mailto:sikkerhet@example.no',
      'https://example.no/sikkerhet',
      'tel:+47-12345678',
    ]);
    expect(contacts('mailto:a@example.no')).toEqual(['mailto:a@example.no']);
    expect(contacts('')).toEqual([]);
  });

  it.each(['http://example.no/sikkerhet', 'javascript:alert(1)', 'ikke en adresse', 'mailto:ingen'])('refuses %j at start', (value) => {
    expect(() => contacts(value)).toThrow(/SECURITY_CONTACT must be e-mail addresses or mailto:, https:\/\/ or tel: addresses/);
  });
});

describe('PGLITE_SHARED_BUFFERS', () => {
  it('is 128MB unless set, and must be a size PostgreSQL reads', () => {
    vi.stubEnv('PGLITE_SHARED_BUFFERS', undefined);
    resetEnvCache();
    expect(env().PGLITE_SHARED_BUFFERS).toBe('128MB');
    vi.stubEnv('PGLITE_SHARED_BUFFERS', '16MB');
    resetEnvCache();
    expect(env().PGLITE_SHARED_BUFFERS).toBe('16MB');
    vi.stubEnv('PGLITE_SHARED_BUFFERS', '16MB -c fsync=off');
    resetEnvCache();
    expect(() => env()).toThrow(/PGLITE_SHARED_BUFFERS must be a size such as 128MB/);
  });
});

describe('VISIT_COUNT_PORT', () => {
  it('is the recipe\'s 5140 unless set, and must be a port', () => {
    vi.stubEnv('VISIT_COUNT_PORT', undefined);
    resetEnvCache();
    expect(env().VISIT_COUNT_PORT).toBe(5140);
    vi.stubEnv('VISIT_COUNT_PORT', '6514');
    resetEnvCache();
    expect(env().VISIT_COUNT_PORT).toBe(6514);
    for (const wrong of ['0', '65536', 'syslog', '51.4']) {
      vi.stubEnv('VISIT_COUNT_PORT', wrong);
      resetEnvCache();
      expect(() => env(), wrong).toThrow(/VISIT_COUNT_PORT/);
    }
  });
});
