import { createHash } from 'node:crypto';

/**
 * Finds the inline scripts in a rendered page that are React's and Next's own data
 * hand-over, and returns their CSP hashes. A script qualifies only when its whole text is
 *   (self.__next_f=self.__next_f||[]).push([0])      (the bootstrap), or
 *   self.__next_f.push(<a JSON array>)               (flight data), or
 *   (globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(<a JSON object>)
 *                                                    (the list of script files to load),
 * checked by parsing the argument as JSON: such a script can only push data, never run code.
 * Any other inline script is reported, gets no hash, and the browser refuses it.
 */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi;
const DATA_PUSHES = [
  /^\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)\.push\((\[[\s\S]*\])\);?$/,
  /^self\.__next_f\.push\((\[[\s\S]*\])\);?$/,
  /^\(globalThis\["TURBOPACK"\]\s*\|\|\s*\(globalThis\["TURBOPACK"\]\s*=\s*\[\]\)\)\.push\((\{[\s\S]*\})\);?$/,
];

export function isDataHandOver(script: string): boolean {
  const text = script.trim();
  const m = DATA_PUSHES.map((re) => re.exec(text)).find(Boolean);
  if (!m) return false;
  try {
    const value: unknown = JSON.parse(m[1]!);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

export function sha256Source(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

export function inlineScriptHashes(html: string): { hashes: string[]; refused: number } {
  const hashes = new Set<string>();
  let refused = 0;
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1] ?? '';
    if (body.trim() === '') continue;
    if (isDataHandOver(body)) hashes.add(sha256Source(body));
    else refused += 1;
  }
  return { hashes: [...hashes], refused };
}
