import type { Page } from '@playwright/test';
import { TOTP } from 'otpauth';
import { runScript } from './app';

/** A staff member made from the command line, and signing in as one. */
export type StaffAccount = { email: string; password: string; secret: string; lastStep?: number };

export function addStaff(env: Record<string, string>, { email, role, name = 'Ada Rådgiver' }: { email: string; role: string; name?: string }): StaffAccount {
  const password = 'vinterlys-over-fjorden-7';
  const r = runScript('staff', ['add', '--email', email, '--name', name, '--role', role, '--password', password], env);
  const secret = /^totp-secret: ([A-Z2-7]+)$/m.exec(r.stdout)?.[1];
  if (r.status !== 0 || !secret) throw new Error(`staff add failed: ${r.stderr}`);
  return { email, password, secret };
}

export function totpNow(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/**
 * A code this account has not used yet: the app refuses a code twice, so repeated sign-ins
 * within one 30-second step take the next step's code (accepted one step ahead), or wait.
 */
export async function nextCode(account: StaffAccount): Promise<string> {
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, (account.lastStep ?? -1) + 1);
  if (step > now + 1) await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 500));
  account.lastStep = step;
  return new TOTP({ secret: account.secret, digits: 6, period: 30 }).generate({ timestamp: step * 30_000 + 1_000 });
}

/** Signs in and waits for the staff area to open. */
export async function signIn(page: Page, baseURL: string, account: StaffAccount, code?: string) {
  await trySignIn(page, baseURL, account, code ?? (await nextCode(account)));
  await page.waitForURL(/\/staff$/);
}

/** Fills and sends the sign-in form, whatever the answer. */
export async function trySignIn(page: Page, baseURL: string, account: StaffAccount, code?: string) {
  code ??= await nextCode(account);
  await page.goto(`${baseURL}/staff/logg-inn`);
  await page.getByLabel('E-post').fill(account.email);
  await page.getByLabel('Passord').fill(account.password);
  await page.getByLabel('Kode fra autentiseringsappen').fill(code);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}
