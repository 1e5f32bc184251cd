import { newReference, REFERENCE_ALPHABET } from '@/lib/inquiries/reference';

/**
 * A chat's reference code, e.g. "CHAT-K7QM-3XHP": the inquiry receipt's alphabet (no 0/O,
 * 1/I/L, so it can be read aloud) and length, random (31^8, close to a trillion values), with
 * "CHAT-" in front so staff can tell it from an inquiry's code. The visitor sees it while
 * chatting and may quote it to have the chat deleted at once; staff name the chat by it in a
 * legal hold. It is stored with the chat and goes with it; it never appears in an address, a
 * log line, the access log or a statistic.
 */
const PREFIX = 'CHAT-';

export function newChatReference(): string {
  return `${PREFIX}${newReference()}`;
}

const letter = `[${REFERENCE_ALPHABET}]`;
const TYPED = new RegExp(`^CHAT[\\s\\-–]*(${letter}{4})[\\s\\-–]*(${letter}{4})$`);

/**
 * A chat reference as someone typed or read it out ("chat k7qm 3xhp", "CHAT-K7QM3XHP",
 * "CHAT K7QM–3XHP"), in its one written form; undefined when it cannot be one.
 */
export function parseChatReference(raw: string): string | undefined {
  const m = TYPED.exec(raw.trim().toUpperCase());
  return m ? `${PREFIX}${m[1]}-${m[2]}` : undefined;
}
