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
});
