import { createHash } from 'node:crypto';

/**
 * Finds the inline scripts in a rendered page that are React's and Next's own data
 * hand-over, and returns their CSP hashes. A script qualifies only when its whole text is a
 * sequence of calls, each exactly one of
 *   (self.__next_f=self.__next_f||[]).push(<JSON>)                           (bootstrap)
 *   self.__next_f.push(<JSON>)                                                (flight data)
 *   (globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(<JSON>)  (script list)
 * where each argument is a JSON array or object (checked by parsing it): such a script can
 * only push data, never run code. Any other inline script is reported, gets no hash, and the
 * browser refuses it, unless it is one of the known scripts the caller names.
 */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi;
const CALLS = [
  '(self.__next_f=self.__next_f||[]).push(',
  'self.__next_f.push(',
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(',
];

/** The index just past the JSON array or object that starts at `start`, or -1. */
function jsonEnd(text: string, start: number): number {
  if (text[start] !== '[' && text[start] !== '{') return -1;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

export function isDataHandOver(script: string): boolean {
  const text = script.trim();
  let i = 0;
  let calls = 0;
  while (i < text.length) {
    const call = CALLS.find((c) => text.startsWith(c, i));
    if (!call) return false;
    i += call.length;
    const end = jsonEnd(text, i);
    if (end < 0) return false;
    try {
      JSON.parse(text.slice(i, end));
    } catch {
      return false;
    }
    i = end;
    if (text[i] !== ')') return false;
    i++;
    if (text[i] === ';') i++;
    while (i < text.length && /\s/.test(text[i]!)) i++;
    calls++;
  }
  return calls > 0;
}

export function sha256Source(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** `known`: scripts of our own, hashed when a page holds one of them exactly (the children's island). */
export function inlineScriptHashes(html: string, known: readonly string[] = []): { hashes: string[]; refused: number } {
  const hashes = new Set<string>();
  let refused = 0;
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1] ?? '';
    if (body.trim() === '') continue;
    if (isDataHandOver(body) || known.includes(body)) hashes.add(sha256Source(body));
    else refused += 1;
  }
  return { hashes: [...hashes], refused };
}
