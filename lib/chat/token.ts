import { createHash, randomBytes } from 'node:crypto';

/**
 * The visitor's only identity in a chat: 128 random bits in an HttpOnly cookie. The database
 * keeps the SHA-256 of the token, so a copy of the database cannot be used to join a chat.
 */
export const CHAT_COOKIE = 'hl_chat';
/** The cookie is sent only to the chat's own pages and endpoints. */
export const CHAT_COOKIE_PATH = '/chat';

export function newChatToken(): string {
  return randomBytes(16).toString('base64url');
}

export function isChatToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
}

export function hashChatToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
