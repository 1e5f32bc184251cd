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
});
