import { describe, expect, it } from 'vitest';
import { knownPages } from '@/lib/stats/known-pages';

describe('known pages', () => {
  const isKnown = knownPages({ articles: [], tags: [] });

  it('count the transparency page under its own path, and nothing below or beside it', () => {
    expect(isKnown('/apenhet')).toBe(true);
    expect(isKnown('/apenhet/')).toBe(false);
    expect(isKnown('/apenhet/x')).toBe(false);
    expect(isKnown('/apenhe')).toBe(false);
  });

  it('count a course page under its own address, never a booking or a payment page below it', () => {
    expect(isKnown('/kurs')).toBe(true);
    expect(isKnown('/kurs/staa-i-det-over-tid')).toBe(true);
    expect(isKnown('/kurs/staa-i-det-over-tid/pamelding/0b0e8f8e-3d1a-4f51-9a43-0d6c2a8e7f10')).toBe(false);
    expect(isKnown('/kurs/bestilling/hemmelig-token-som-ikke-skal-lagres')).toBe(false);
    expect(isKnown('/kurs/betaling/kurs-0123456789abcdef01234567')).toBe(false);
    expect(isKnown('/kurs/Store-Bokstaver')).toBe(false);
  });
});
