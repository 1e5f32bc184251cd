import { describe, expect, it } from 'vitest';
import { dueForReview, monthsBefore, reviewWarning } from '@/lib/content/review';
import type { Content } from '@/lib/content/schema';
import { loadContent } from '@/lib/content/load';

const source = { title: 'Kilde', url: 'https://lovdata.no/x', checked: '2026-01-01' };

function contentReviewed(dates: { article: string; variant: string; agreement: string }): Content {
  const variant = (band: 'under-10' | '10-13' | '14-18') => ({
    title: 'T',
    summary: 'S',
    tags: ['rus'],
    reviewed: dates.variant,
    sources: [source],
    band,
    body: '',
    file: `content/unge/tema/${band}.md`,
  });
  return {
    tags: [],
    articles: [
      { title: 'A', summary: 'S', sections: ['pa-skolen'], tags: ['rus'], reviewed: dates.article, sources: [source], slug: 'a', body: '', file: 'content/artikler/a.md' },
      { title: 'B', summary: 'S', sections: ['pa-skolen'], tags: ['rus'], reviewed: '2026-11-30', sources: [source], slug: 'b', body: '', file: 'content/artikler/b.md' },
    ],
    youngTopics: [{ slug: 'tema', variants: { 'under-10': variant('under-10'), '10-13': variant('10-13'), '14-18': variant('14-18') } }],
    agreement: { title: 'Avtale', summary: 'S', reviewed: dates.agreement, body: '', file: 'content/unge/brukeravtale.md' },
  };
}

describe('dueForReview', () => {
  const today = new Date('2026-12-01T10:00:00+01:00');

  it('lists pages reviewed more than 12 months ago, oldest first, and keeps one reviewed exactly 12 months ago', () => {
    const content = contentReviewed({ article: '2025-11-30', variant: '2025-12-01', agreement: '2024-06-15' });
    expect(dueForReview(content, today)).toEqual([
      { file: 'content/unge/brukeravtale.md', reviewed: '2024-06-15' },
      { file: 'content/artikler/a.md', reviewed: '2025-11-30' },
    ]);
  });

  it('lists every band of a children\'s topic that is overdue', () => {
    const content = contentReviewed({ article: '2026-06-01', variant: '2025-01-01', agreement: '2026-06-01' });
    expect(dueForReview(content, today).map((p) => p.file)).toEqual([
      'content/unge/tema/10-13.md',
      'content/unge/tema/14-18.md',
      'content/unge/tema/under-10.md',
    ]);
  });

  it('counts the day in Oslo: 23:30 UTC on 30 November is already 1 December', () => {
    const content = contentReviewed({ article: '2025-11-30', variant: '2026-06-01', agreement: '2026-06-01' });
    expect(dueForReview(content, new Date('2026-11-30T22:59:00Z'))).toEqual([]);
    expect(dueForReview(content, new Date('2026-11-30T23:30:00Z')).map((p) => p.file)).toEqual(['content/artikler/a.md']);
  });

  it('goes back whole calendar months, the 31st falling back to the last day of a shorter month', () => {
    expect(monthsBefore('2026-12-01', 12)).toBe('2025-12-01');
    expect(monthsBefore('2027-02-28', 12)).toBe('2026-02-28');
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
  });

  it('words the build warning with one line a page, and says nothing when all are current', () => {
    expect(reviewWarning([])).toBeUndefined();
    expect(reviewWarning([{ file: 'content/artikler/a.md', reviewed: '2025-11-30' }])).toBe(
      'Warning: 1 content page not reviewed for more than 12 months (check the facts against the sources, then update "reviewed"):\n' +
        '  - content/artikler/a.md: reviewed 2025-11-30',
    );
  });
});

describe('the real content', () => {
  it('lists the pages due for review today (a warning for the editors, not a failure)', () => {
    const due = dueForReview(loadContent(), new Date());
    const warning = reviewWarning(due);
    if (warning) console.warn(warning);
    // Every listed page really is overdue, and none is listed twice.
    expect(new Set(due.map((p) => p.file)).size).toBe(due.length);
  });
});
