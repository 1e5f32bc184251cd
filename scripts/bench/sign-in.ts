import { TOTP } from 'otpauth';
import { cookieHeader, cookiesFrom, request } from './chat-http';

export type BenchAccount = { email: string; name: string; password: string };

/**
 * Signs a staff member in on `port` as the sign-in form does behind the scenes (CSRF token,
 * e-mail, password and a TOTP code through Auth.js's own endpoints); returns the cookie header.
 */
export async function signIn(port: number, account: BenchAccount, secret: string): Promise<string> {
  const csrf = await request(port, 'GET', '/api/auth/csrf');
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const jar = cookiesFrom(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const code = new TOTP({ secret, digits: 6, period: 30 }).generate();
  const form = new URLSearchParams({ csrfToken, email: account.email, password: account.password, code, callbackUrl: '/staff' });
  const reply = await request(port, 'POST', '/api/auth/callback/credentials', {
    body: form.toString(),
    cookie: cookieHeader(jar),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
  });
  for (const [name, value] of cookiesFrom(reply)) jar.set(name, value);
  if (![...jar.keys()].some((name) => name.endsWith('hl-session'))) throw new Error(`sign-in failed (HTTP ${reply.status}: ${reply.body.slice(0, 200)})`);
  return cookieHeader(jar);
}

/** Sets a signed-in chat host available, taking up to `maks` chats at once (the console's own setting). */
export async function setAvailable(port: number, cookie: string, maks: number): Promise<void> {
  const reply = await request(port, 'POST', '/staff/chat/api/tilgjengelighet', { body: JSON.stringify({ status: 'tilgjengelig', maks }), cookie });
  if (reply.status !== 200) throw new Error(`tilgjengelighet answered ${reply.status}`);
}
