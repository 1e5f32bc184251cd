import { describe, expect, it } from 'vitest';
import { collectContent } from '@/lib/content/load';
import { LIX_LIMITS, lix, lixStats, plainText } from '@/lib/content/lix';
import { AGE_BANDS } from '@/lib/content/schema';

describe('lix', () => {
  it('matches a hand count: 10 words, 2 sentences, 3 long words', () => {
    // "Vi spiser frokost sammen med bestemor." → 6 words; long: frokost (7), bestemor (8)
    // "Etterpå går vi ut."                     → 4 words; long: etterpå (7, å is a letter)
    // LIX = 10 / 2 + 100 · 3 / 10 = 5 + 30 = 35
    const text = 'Vi spiser frokost sammen med bestemor. Etterpå går vi ut.';
    expect(lixStats(text)).toEqual({ words: 10, sentences: 2, longWords: 3, lix: 35 });
  });

  it('counts a word as long only above 6 letters', () => {
    // "Skolen hjalp." → 2 words, 1 sentence, skolen has 6 letters so 0 long → 2 / 1 + 0 = 2
    expect(lix('Skolen hjalp.')).toBe(2);
    // "Lærerne hjalp." → lærerne has 7 letters → 2 / 1 + 100 · 1 / 2 = 2 + 50 = 52
    expect(lix('Lærerne hjalp.')).toBe(52);
  });

  it('ends sentences at . ! ? : and at the end of the text', () => {
    // "Hei" | "Er du der" | "Husk dette" | "vi er her" → 9 words, 4 sentences, 0 long → 9 / 4 = 2.25
    expect(lixStats('Hei! Er du der? Husk dette: vi er her')).toMatchObject({ words: 9, sentences: 4, lix: 2.25 });
    // "Vel" | "Ja": an ellipsis ends one sentence, not three → 2 / 2 + 0 = 1
    expect(lixStats('Vel... Ja.')).toMatchObject({ words: 2, sentences: 2, lix: 1 });
  });

  it('does not end a sentence inside a time or a number', () => {
    // Ring | 116 | 111 | klokka | 12 | 30 | i | dag → 8 words, 1 sentence, 0 long → 8
    expect(lixStats('Ring 116 111 klokka 12:30 i dag.')).toMatchObject({ words: 8, sentences: 1, lix: 8 });
  });

  it('strips Markdown first; headings and list items are sentences of their own', () => {
    // "Overskrift" (1 word, 1 long) + "Dette er en lenke og fet tekst" (7 words, 0 long)
    // → 8 words, 2 sentences, 1 long → 8 / 2 + 100 · 1 / 8 = 4 + 12.5 = 16.5
    expect(lix('# Overskrift\n\nDette er [en lenke](/kontakt) og **fet** tekst.')).toBe(16.5);
    // Mamma | Pappa | Søsken → 3 words, 3 sentences, 0 long → 1
    expect(lix('- Mamma\n- Pappa\n- Søsken\n')).toBe(1);
  });

  it('gives 0 for a text without words', () => {
    expect(lix('')).toBe(0);
    expect(lix('---\n\n...')).toBe(0);
  });

  it('has the agreed limits per age band', () => {
    expect(LIX_LIMITS).toEqual({ 'under-10': 25, '10-13': 30, '14-18': 40 });
  });
});

describe('plainText', () => {
  it('keeps readable text and drops Markdown syntax, URLs and images', () => {
    const md = [
      '## Hvem kan du snakke med?',
      '',
      'Skriv til oss i [chatten](/chat), *når* du vil. ![Et bilde](/bilde.png)',
      '',
      '- Læreren din',
      '- `116 111`',
      '',
      '> Et sitat',
    ].join('\n');
    expect(plainText(md)).toBe(
      ['Hvem kan du snakke med?', 'Skriv til oss i chatten, når du vil.', 'Læreren din', '116 111', 'Et sitat'].join('\n\n'),
    );
  });
});

describe("the real children's pages", () => {
  const { content } = collectContent();
  const variants = (content?.youngTopics ?? []).flatMap((topic) =>
    AGE_BANDS.map((band) => ({ name: `${topic.slug}/${band}.md`, band, body: topic.variants[band].body })),
  );

  it('are all read', () => {
    expect(variants.length).toBeGreaterThanOrEqual(3);
    expect(variants.length % AGE_BANDS.length).toBe(0);
  });

  it.each(variants)('$name is within the LIX limit of its age band', ({ band, body }) => {
    expect(lix(body)).toBeLessThanOrEqual(LIX_LIMITS[band]);
  });
});
