import 'server-only';
import { env } from '@/lib/env';
import { CHAT_COOKIE, CHAT_COOKIE_PATH, hashChatToken, isChatToken } from '@/lib/chat/token';

/** The visitor's token hash from the request's chat cookie, or undefined without a valid one. */
export function visitorTokenHash(request: Request): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CHAT_COOKIE) {
      const value = rest.join('=');
      return isChatToken(value) ? hashChatToken(value) : undefined;
    }
  }
  return undefined;
}

/** A session cookie (gone when the browser closes), only for /chat, never readable by scripts. */
export function chatCookie(token: string | null): string {
  const secure = env().SITE_URL.startsWith('https://') ? '; Secure' : '';
  const value = token ?? '';
  const expiry = token ? '' : '; Max-Age=0';
  return `${CHAT_COOKIE}=${value}; Path=${CHAT_COOKIE_PATH}; HttpOnly; SameSite=Strict${secure}${expiry}`;
}
