/**
 * A light stemmer for Norwegian Bokmål, for site search. It only has to give the inflected forms
 * of one word the same key (sykdom, sykdommen, sykdommer → "sykdom"); the key need not be a real
 * word. It removes one inflectional ending, in the spirit of the first step of the Snowball
 * Norwegian stemmer, then evens out what inflection does to the rest of the word: a doubled final
 * consonant (sykdom → sykdommen), a dropped e (søster → søstre) and a base form in -en (eksamen).
 * Derivational endings (-lig, -ig, -els) are left alone, so that "far" does not find "farlig".
 */

const VOWELS = new Set('aeiouyæøå');

/** Inflectional endings, deleted when they lie wholly inside R1; the longest one that fits wins. */
const ENDINGS = [
  // nouns: definite, plural and genitive forms; -het nouns in all their forms
  'a', 'e', 'en', 'et', 'ar', 'er', 'as', 'es', 'ene', 'ane', 'ens', 'ers', 'ets', 'enes',
  'het', 'heten', 'heter', 'hetene', 'hetens', 'hetenes',
  // agent nouns in -er (lærer, læreren, lærere, lærerne) and verbs in -ere (informerer)
  'ere', 'eren', 'erne', 'erens', 'ernes', 'erer',
  // participles and past tense
  'ede', 'edes', 'ende', 'endes', 'ande', 'ast',
].sort((a, b) => b.length - a.length);

/** Letters after which a final s is a genitive or passive ending (as in Snowball); k is handled apart. */
const S_ENDING_AFTER = new Set('bcdfghjlmnoprtvyz');

/** A genitive s is only removed from longer words, so "kurs" keeps its s (and matches "kurset"). */
const MIN_BEFORE_S = 4;

/**
 * Loanwords whose base form ends in -ens, which would otherwise be read as a genitive ending
 * (demens → "dem", the pronoun). Their own endings are removed and the base form kept.
 */
const LEXICAL_ENS = ['demens', 'konsekvens', 'frekvens', 'sekvens', 'tendens', 'lisens', 'intelligens', 'eksistens', 'differens', 'referens'];
const LEXICAL_ENS_ENDINGS = ['enes', 'ene', 'ens', 'en', 'er', 'ers', ''];

/** A doubled final consonant is made single only when at least this many letters remain (mann stays). */
const MIN_UNDOUBLED = 4;

/**
 * Lowercase, with accents removed from letters Norwegian does not have (é → e, ü → u), and the
 * Swedish and German spellings ä and ö read as æ and ø. æ, ø and å are kept.
 */
export function fold(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').toLowerCase()) {
    if (char === 'æ' || char === 'ø' || char === 'å') out += char;
    else if (char === 'ä') out += 'æ';
    else if (char === 'ö') out += 'ø';
    else out += char.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out;
}

const isVowel = (char: string | undefined) => char !== undefined && VOWELS.has(char);

/** Where R1 starts: after the first consonant that follows a vowel, but never before the fourth letter. */
function regionOne(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return Math.max(i + 1, 3);
  }
  return word.length;
}

function stripEnding(word: string, r1: number): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= r1) return word.slice(0, -ending.length);
  }
  if (word.endsWith('s') && word.length - 1 >= Math.max(r1, MIN_BEFORE_S)) {
    const before = word.at(-2)!;
    if (S_ENDING_AFTER.has(before) || (before === 'k' && !isVowel(word.at(-3)))) return word.slice(0, -1);
  }
  return word;
}

/** sykdomm → sykdom, trygg → tryg: definite and plural forms double a final consonant. */
function undouble(stem: string): string {
  const last = stem.at(-1);
  if (stem.length > MIN_UNDOUBLED && last === stem.at(-2) && last !== undefined && !isVowel(last) && /\p{L}/u.test(last)) {
    return stem.slice(0, -1);
  }
  return stem;
}

/**
 * søstr (søstre) → søst, like søster → søst; regl (regler) → regel, like regel.
 * Only applied after an ending was removed, so an uninflected word is never changed here.
 */
function restoreDroppedE(stem: string): string {
  const last = stem.at(-1);
  const before = stem.at(-2);
  if (before === undefined || isVowel(before) || !/\p{L}/u.test(before) || before === last) return stem;
  if (last === 'r' && stem.length >= 5) return stem.slice(0, -1);
  if (last === 'l') return `${stem.slice(0, -1)}el`;
  return stem;
}

function lexicalEnsBase(word: string): string | undefined {
  for (const base of LEXICAL_ENS) {
    for (const ending of LEXICAL_ENS_ENDINGS) {
      if (word.endsWith(base + ending)) return word.slice(0, word.length - ending.length);
    }
  }
  return undefined;
}

/** The search key of one word: `stem('Sykdommene')` is "sykdom". Words with digits are only folded. */
export function stem(word: string): string {
  const folded = fold(word);
  if (folded.length < 3 || /\P{L}/u.test(folded)) return folded;
  const ens = lexicalEnsBase(folded);
  if (ens) return ens;

  const r1 = regionOne(folded);
  let result = stripEnding(folded, r1);
  if (result !== folded) {
    // A noun whose base form ends in -en takes its endings after it: eksamen, eksamenen, eksamener.
    if (result.endsWith('en') && result.length - 2 >= r1) result = result.slice(0, -2);
    result = restoreDroppedE(result);
  }
  // As in Snowball: a final dt or vt in R1 loses its t.
  if (/[dv]t$/.test(result) && result.length - 2 >= r1) result = result.slice(0, -1);
  return undouble(result);
}
