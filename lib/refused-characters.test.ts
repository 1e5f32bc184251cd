import { describe, expect, it } from 'vitest';
import { hasRefusedCharacters } from './refused-characters';

describe('hasRefusedCharacters', () => {
  it.each([
    ['ordinary Norwegian', 'Hei! Jeg heter Åse og lurer på én ting – kan dere ringe?'],
    ['tab and line breaks', 'første linje\n\tandre linje\r\ntredje'],
    ['no-break and narrow spaces', '12\u00A034\u202F56'],
    ['a family emoji with zero-width joiners', 'Oss 👩\u200D👩\u200D👧'],
    ['a flag with a joiner after a variation selector', '🏳\uFE0F\u200D🌈'],
    ['a skin-tone emoji with a joiner', '🧑🏽\u200D💻'],
    ['a zero-width non-joiner in Persian', 'می\u200Cخواهم'],
    ['right-to-left text on its own', 'שלום עולם'],
  ])('allows %s', (_name, text) => {
    expect(hasRefusedCharacters(text)).toBe(false);
  });

  it.each([
    ['a bell (C0)', 'hei\u0007'],
    ['escape', 'hei\u001B[31m'],
    ['DEL', 'hei\u007F'],
    ['a C1 control (NEL)', 'hei\u0085'],
    ['left-to-right embedding', '\u202Aabc'],
    ['right-to-left embedding', '\u202Babc'],
    ['pop directional formatting', 'abc\u202C'],
    ['left-to-right override', '\u202Dabc'],
    ['right-to-left override', 'ring \u202E76543219\u202C'],
    ['left-to-right isolate', '\u2066abc'],
    ['right-to-left isolate', '\u2067abc'],
    ['first strong isolate', '\u2068abc'],
    ['pop directional isolate', 'abc\u2069'],
    ['left-to-right mark', 'abc\u200E'],
    ['right-to-left mark', 'abc\u200F'],
    ['Arabic letter mark', 'abc\u061C'],
    ['zero-width space inside a phone number', '9\u200B12 34 567'],
    ['word joiner', '912\u206034567'],
    ['invisible separator', 'a\u2063b'],
    ['byte-order mark', '\uFEFFhei'],
    ['Mongolian vowel separator', 'a\u180Eb'],
    ['interlinear annotation', 'a\uFFF9b\uFFFAc\uFFFB'],
    ['a zero-width joiner between digits', '9\u200D12 34 567'],
    ['a zero-width non-joiner between Latin letters', 'ol\u200Ca'],
    ['a zero-width joiner at the start', '\u200Dhei'],
    ['a zero-width joiner before a space', 'hei\u200D du'],
  ])('refuses %s', (_name, text) => {
    expect(hasRefusedCharacters(text)).toBe(true);
  });
});
