import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '@/lib/front-matter';

describe('parseFrontMatter', () => {
  it('reads key-value lines and returns the rest as body', () => {
    const { data, body } = parseFrontMatter('---\ntitle: "Hei: du"\nsummary: Kort\n---\n## Tekst\n');
    expect(data).toEqual({ title: 'Hei: du', summary: 'Kort' });
    expect(body).toBe('## Tekst\n');
  });

  it('treats a file without front matter as all body', () => {
    expect(parseFrontMatter('Bare tekst')).toEqual({ data: {}, body: 'Bare tekst' });
  });

  it('reads a key with indented "- " lines as a list, and goes on with the next key', () => {
    const source = [
      '---',
      'title: Sykestipend',
      'sources:',
      '  - Lånekassen: Sykestipend | https://lanekassen.no/a | 2026-12-01',
      '  - "Lovdata | https://lovdata.no/b | 2026-11-30"',
      'reviewed: 2026-12-01',
      '---',
      'Tekst',
    ].join('\n');
    expect(parseFrontMatter(source).data).toEqual({
      title: 'Sykestipend',
      sources: ['Lånekassen: Sykestipend | https://lanekassen.no/a | 2026-12-01', 'Lovdata | https://lovdata.no/b | 2026-11-30'],
      reviewed: '2026-12-01',
    });
  });

  it('gives the empty string for a key with no value and no items', () => {
    expect(parseFrontMatter('---\nsources:\nreviewed: 2026-12-01\n---\n').data).toEqual({ sources: '', reviewed: '2026-12-01' });
  });
});
