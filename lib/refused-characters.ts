/**
 * Characters nobody means to write, refused in everything visitors and relatives send us
 * (the contact form, the chat), so staff read what was stored and the checks for identifying
 * details see it too:
 * - control characters other than tab and line breaks (C0, DEL and C1);
 * - direction changers (the LRM, RLM and ALM marks, embeddings, overrides, isolates and the
 *   old shaping controls), which make text read differently on screen from what it is, so a
 *   phone number can show reversed or a sentence hide behind another;
 * - invisible characters (zero-width space, word joiner, invisible operators, byte-order mark,
 *   Mongolian vowel separator, annotation marks), which can hide text or split a number so it
 *   no longer looks like one.
 * The zero-width joiner and non-joiner stay allowed inside emoji (👩‍👧) and in scripts that
 * need them, but not beside a Latin letter, a digit, punctuation or a space, where they only
 * hide something.
 */
const ALWAYS_REFUSED =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/;
const JOINER_OUT_OF_PLACE = /(?:^|[\p{Script=Latin}\p{N}\p{P}\p{Z}\s])[\u200C\u200D]|[\u200C\u200D](?:$|[\p{Script=Latin}\p{N}\p{P}\p{Z}\s])/u;

export function hasRefusedCharacters(text: string): boolean {
  return ALWAYS_REFUSED.test(text) || JOINER_OUT_OF_PLACE.test(text);
}

/** What the visitor is told, naming the field: "Meldingen", "Navnet". */
export function refusedCharactersMessage(label: string): string {
  return `${label} inneholder tegn vi ikke kan ta imot. Det kan være usynlige tegn fra tekst som er limt inn: skriv det gjerne på nytt.`;
}
