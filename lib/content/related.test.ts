import { describe, expect, it } from 'vitest';
import { relatedArticles, type RelatableArticle } from '@/lib/content/related';

const article = (slug: string, tags: string[], reviewed = '2026-01-01', title = slug): RelatableArticle => ({
  slug,
  title,
  tags,
  reviewed,
});

describe('relatedArticles', () => {
  const current = article('denne', ['rus', 'skole', 'sorg']);

  it('ranks by number of shared tags', () => {
    const all = [
      article('en', ['rus']),
      article('tre', ['rus', 'skole', 'sorg', 'demens']),
      article('to', ['skole', 'sorg']),
    ];
    expect(relatedArticles(current, all).map((a) => a.slug)).toEqual(['tre', 'to', 'en']);
  });

  it('breaks ties by the most recent review date, then by title', () => {
    const all = [
      article('eldre', ['rus'], '2025-06-01'),
      article('nyere', ['sorg'], '2026-03-01'),
      article('b', ['skole'], '2025-12-24', 'Øvelse'),
      article('a', ['skole'], '2025-12-24', 'Ærlig talt'),
      article('c', ['skole'], '2025-12-24', 'Åpen dør'),
    ];
    // Norwegian order: … Z, Æ, Ø, Å
    expect(relatedArticles(current, all, { limit: 10 }).map((a) => a.slug)).toEqual(['nyere', 'a', 'b', 'c', 'eldre']);
  });

  it('never includes the article itself, and leaves out articles without a shared tag', () => {
    const all = [current, article('ingen', ['demens', 'kreft']), article('tom', []), article('en', ['sorg'])];
    expect(relatedArticles(current, all).map((a) => a.slug)).toEqual(['en']);
  });

  it('counts a tag listed twice only once', () => {
    const all = [article('dobbel', ['rus', 'rus'], '2026-05-01'), article('to', ['rus', 'sorg'], '2020-01-01')];
    expect(relatedArticles(current, all).map((a) => a.slug)).toEqual(['to', 'dobbel']);
  });

  it('returns at most `limit` articles, 4 by default', () => {
    const all = Array.from({ length: 6 }, (_, i) => article(`a${i}`, ['rus'], `2026-01-0${i + 1}`));
    expect(relatedArticles(current, all).map((a) => a.slug)).toEqual(['a5', 'a4', 'a3', 'a2']);
    expect(relatedArticles(current, all, { limit: 2 })).toHaveLength(2);
    expect(relatedArticles(current, all, { limit: 0 })).toEqual([]);
  });

  it('returns the same objects it was given, with their extra fields', () => {
    const withBody = { ...article('en', ['rus']), body: 'Tekst' };
    expect(relatedArticles(current, [withBody])[0]).toBe(withBody);
  });

  it('gives nothing for an article without tags', () => {
    expect(relatedArticles(article('x', []), [article('en', ['rus'])])).toEqual([]);
  });
});
