import { TOTP } from 'otpauth';
import { runScript } from '../test/app';
import { expect, shareOwnApp, test } from '../test/fixtures';
import { addStaff, type StaffAccount } from '../test/staff-pages';

/**
 * The sign-in bursts from issue 10, sent as an attacker would: straight to Auth.js's credentials
 * callback, all at once, on the built app. Whether a session was created is read from the
 * database afterwards (the staff_sessions table), not only from the answers.
 */
const codeAt = (secret: string, offsetSteps = 0) => new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** One sign-in through the callback; true when the answer sets a session cookie. */
async function postSignIn(baseURL: string, csrf: { token: string; cookie: string }, account: StaffAccount, code: string): Promise<boolean> {
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrf.cookie,
      origin: baseURL,
      'sec-fetch-site': 'same-origin',
    },
    body: new URLSearchParams({ csrfToken: csrf.token, email: account.email, password: account.password, code, callbackUrl: '/staff' }).toString(),
  });
  await response.arrayBuffer();
  return cookiesOf(response).some((c) => /hl-session=./.test(c));
}

async function csrfFor(baseURL: string) {
  const response = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookiesOf(response).join('; ') };
}

function wrongCodes(secret: string, count: number): string[] {
  const valid = new Set([-1, 0, 1, 2].map((o) => codeAt(secret, o)));
  const codes: string[] = [];
  for (let n = 1; codes.length < count; n++) {
    const code = String((n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) codes.push(code);
  }
  return codes;
}

type Dump = { 'public.staff': { id: string; email: string }[]; 'public.staff_sessions': { staff_id: string }[]; 'public.access_log': { staff_id: string | null; action: string }[] };

test.describe('sign-in bursts against the built app', () => {
  test.setTimeout(240_000);

  const shared = shareOwnApp(async ({ database, startOwnApp }, testInfo) => {
    // Migrating, two accounts from the command line and a start: slow on a busy machine.
    testInfo.setTimeout(180_000);
    const db = await database();
    const burst = addStaff(db.env, { email: 'burst@example.org', role: 'adviser' });
    const five = addStaff(db.env, { email: 'fem@example.org', role: 'adviser' });
    return { db, burst, five, app: await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' }) };
  });

  test('300 parallel sign-ins with the password and the right code as number 299 create no session; 5 with one code create one', async () => {
    const { db, burst, five, app } = shared();
    const csrf = await csrfFor(app.baseURL);
    const codes = wrongCodes(burst.secret, 300);
    codes[298] = codeAt(burst.secret);
    const bursts = await Promise.all(codes.map((code) => postSignIn(app.baseURL, csrf, burst, code)));
    expect(bursts.filter(Boolean)).toHaveLength(0);

    const code = codeAt(five.secret);
    const fives = await Promise.all(Array.from({ length: 5 }, () => postSignIn(app.baseURL, csrf, five, code)));
    expect(fives.filter(Boolean)).toHaveLength(1);

    await app.stop();
    const dump = runScript('test/dump-db.ts', [], db.env);
    expect(dump.status).toBe(0);
    const tables = JSON.parse(dump.stdout) as Dump;
    const idOf = (email: string) => tables['public.staff'].find((s) => s.email === email)!.id;
    const sessionsOf = (id: string) => tables['public.staff_sessions'].filter((s) => s.staff_id === id).length;
    const logOf = (id: string, action: string) => tables['public.access_log'].filter((r) => r.staff_id === id && r.action === action).length;
    expect(sessionsOf(idOf('burst@example.org'))).toBe(0);
    expect(logOf(idOf('burst@example.org'), 'sign_in_failed')).toBeLessThanOrEqual(10);
    expect(logOf(idOf('burst@example.org'), 'sign_in_locked')).toBe(300 - logOf(idOf('burst@example.org'), 'sign_in_failed'));
    expect(logOf(idOf('burst@example.org'), 'sign_in')).toBe(0);
    expect(sessionsOf(idOf('fem@example.org'))).toBe(1);
  });
});
