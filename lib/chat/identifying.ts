import { idnr } from '@navikt/fnrvalidator';
import { normalisePhone } from '@/lib/inquiries/phone';

/**
 * Spots details in a chat message that point to a person, so the host console can ask the host
 * to flag the chat for early deletion. It says only which kinds it found, never the values, so
 * the answer can be shown and logged without repeating what the writer typed.
 */
export type IdentifyingKind = 'fodselsnummer' | 'telefon' | 'epost';

// Six digits (the birth date) and five, run together or split by one space, dot or hyphen.
const NATIONAL_ID = /(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)/g;

function hasNationalId(text: string): boolean {
  return [...text.matchAll(NATIONAL_ID)].some(([, birth, personal]) => {
    const result = idnr(`${birth}${personal}`);
    // H-numbers and Tenor test numbers are left out: the issue asks for fødselsnummer and d-nummer.
    return result.status === 'valid' && (result.type === 'fnr' || result.type === 'dnr');
  });
}

// Norwegian numbers as people write them: 91234567, 912 34 567, 22 33 44 55 or 9123 4567, with
// an optional +47 or 0047. One separator kind per number, so "20.00-22.00" is a time, not a phone.
const PREFIX = String.raw`(?<![\d+])(?<prefix>(?:\+|00)47 ?)?`;
const GROUPS = [
  String.raw`(?<compact>[2-9]\d{7})`,
  String.raw`[2-9]\d{2}(?<sep>[ .-])\d{2}\k<sep>\d{3}`,
  String.raw`[2-9]\d(?<sep>[ .-])\d{2}\k<sep>\d{2}\k<sep>\d{2}`,
  String.raw`(?<pair>[2-9]\d{3} \d{4})`,
];
const NORWEGIAN_PHONES = GROUPS.map((g) => new RegExp(`${PREFIX}${g}(?!\\d)`, 'g'));

// International numbers start with + and a country code; normalisePhone checks the length.
const INTERNATIONAL_PHONE = /(?<![\d+])\+[1-9](?:[ .\-()]{0,2}\d){7,14}(?!\d)/g;

const AMOUNT_BEFORE = /(?:\bkr\.?|\bnok)\s?$/i;
const AMOUNT_AFTER = /^\s?(?:kr\b|kroner|nok\b|,-)/i;

const isYear = (s: string) => /^(?:19|20)\d\d$/.test(s);

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year < 2100 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** 24122026 (ddmmyyyy) or 20261224 (yyyymmdd): a date, not a phone number. */
function isCompactDate(s: string): boolean {
  const n = (from: number, to: number) => Number(s.slice(from, to));
  return isCalendarDate(n(4, 8), n(2, 4), n(0, 2)) || isCalendarDate(n(0, 4), n(4, 6), n(6, 8));
}

function looksLikeNorwegianPhone(m: RegExpMatchArray, text: string): boolean {
  const start = m.index ?? 0;
  const end = start + m[0].length;
  if (AMOUNT_BEFORE.test(text.slice(0, start)) || AMOUNT_AFTER.test(text.slice(end))) return false;
  const { prefix, compact, pair } = m.groups ?? {};
  if (!prefix && compact && isCompactDate(compact)) return false;
  if (!prefix && pair && pair.split(' ').every(isYear)) return false;
  return normalisePhone(m[0]) !== undefined;
}

function hasPhone(text: string): boolean {
  const norwegian = NORWEGIAN_PHONES.some((re) => [...text.matchAll(re)].some((m) => looksLikeNorwegianPhone(m, text)));
  return norwegian || [...text.matchAll(INTERNATIONAL_PHONE)].some(([m]) => normalisePhone(m) !== undefined);
}

// name@domain.tld, also when the @ is written (at) or [at] to slip past filters.
const EMAIL = /[\p{L}\p{N}][\p{L}\p{N}._%+-]*(?:@|\s?[([](?:at|@)[)\]]\s?)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/iu;

/** The kinds of identifying details in a message, in a fixed order, each at most once. */
export function identifyingDetails(text: string): IdentifyingKind[] {
  // No-break and narrow spaces count as spaces; people paste numbers with them. Invisible
  // format characters (a soft hyphen, a joiner after an emoji) are read as nothing, so they
  // cannot split a number or an address into pieces that no longer look like one.
  const plain = text.replace(/[\u00A0\u2007\u202F]/g, ' ').replace(/\p{Cf}/gu, '');
  const found: IdentifyingKind[] = [];
  if (hasNationalId(plain)) found.push('fodselsnummer');
  if (hasPhone(plain)) found.push('telefon');
  if (EMAIL.test(plain)) found.push('epost');
  return found;
}
