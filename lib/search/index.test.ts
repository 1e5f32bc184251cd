import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import type { AgeBand, Article, YoungTopic } from '@/lib/content/schema';
import { buildSearchIndex, markdownToText, search, type SearchHit } from '@/lib/search/index';

const SOURCE = { title: 'Kilde', url: 'https://lovdata.no/', checked: '2026-01-15' };

function article(slug: string, title: string, body: string, summary = 'Et kort sammendrag.'): Article {
  return { slug, title, summary, body, sections: ['pa-skolen', 'i-arbeidslivet'], tags: ['rus'], reviewed: '2026-01-15', sources: [SOURCE], file: `${slug}.md` };
}

type Text = { title: string; summary: string; body: string };

function topic(slug: string, texts: Partial<Record<AgeBand, Text>>): YoungTopic {
  const plain: Text = { title: 'Et tema', summary: 'Om noe.', body: 'Hei.' };
  const variant = (band: AgeBand) => ({ ...plain, ...texts[band], band, tags: ['rus'], reviewed: '2026-01-15', sources: [SOURCE], file: `${slug}/${band}.md` });
  return { slug, variants: { 'under-10': variant('under-10'), '10-13': variant('10-13'), '14-18': variant('14-18') } };
}

const index = buildSearchIndex({
  articles: [
    article('sorg-i-jobben', 'Sorg i jobben', 'Mange går på jobb som før.'),
    article('mye-sorg', 'Når hverdagen endrer seg', 'Sorg kommer og går. Sorgen kan vare lenge, og sorger er ulike. Det er sorg.'),
    article('sorg-og-skole', 'Skolen vet ikke', 'Barnet bærer på sorg, og skolen vet ikke om det.'),
    article('syk', 'Syk i familien', 'Vi vet lite om sykdommen ennå. Les [mer om legen](/kontakt) og **spør** oss.'),
    article('apen', 'Åpen samtale', 'Om å ha det vondt.'),
    article('aerlig', 'Ærlig samtale', 'Om å ha det vondt.'),
  ],
  youngTopics: [
    topic('nar-noen-dor', {
      '10-13': { title: 'Når noen dør', summary: 'Om sorg.', body: 'Det kan gjøre vondt.' },
      'under-10': { title: 'Hvis noen dør', summary: 'Om å være lei seg.', body: 'Du kan savne bestemor.' },
    }),
  ],
});

const titles = (hits: readonly SearchHit[]) => hits.map((h) => h.title);
const marked = (hit: SearchHit | undefined) => hit?.snippet.filter((s) => s.match).map((s) => s.text) ?? [];

describe('search on hand-made content', () => {
  it('finds a word by another of its forms and marks it in the snippet', () => {
    const [hit, ...rest] = search('sykdom', { scope: 'all', index }).hits;
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ kind: 'article', href: '/pa-skolen/syk', title: 'Syk i familien' });
    expect(marked(hit)).toEqual(['sykdommen']);
  });

  it('requires every word of the query', () => {
    expect(titles(search('sorg skolen', { scope: 'all', index }).hits)).toEqual(['Skolen vet ikke']);
    expect(search('sorg kalkulator', { scope: 'all', index }).hits).toEqual([]);
  });

  it('ranks a match in the title above many in the body', () => {
    const hits = search('sorgen', { scope: 'all', index }).hits.filter((h) => h.kind === 'article');
    expect(titles(hits).slice(0, 2)).toEqual(['Sorg i jobben', 'Når hverdagen endrer seg']);
    expect(titles(hits)).toContain('Skolen vet ikke');
  });

  it('breaks ties by the Norwegian order of the titles', () => {
    expect(titles(search('vondt', { scope: 'all', index }).hits).filter((t) => t.includes('samtale'))).toEqual([
      'Ærlig samtale',
      'Åpen samtale',
    ]);
  });

  it('searches all variants of a children topic and shows the 10-13 text', () => {
    const [hit] = search('bestemor', { scope: 'all', index }).hits;
    expect(hit).toMatchObject({ kind: 'topic', href: '/unge/nar-noen-dor', title: 'Når noen dør', summary: 'Om sorg.' });
    expect(marked(hit)).toEqual(['bestemor']);
  });

  it('searches only the children topics in the unge scope', () => {
    expect(search('sorg', { scope: 'all', index }).hits.length).toBeGreaterThan(1);
    expect(search('sorg', { scope: 'unge', index }).hits.map((h) => h.kind)).toEqual(['topic']);
  });

  it('indexes the text of links, not their address, and no Markdown syntax', () => {
    expect(markdownToText('Les [mer om legen](/kontakt) og **spør** oss.\n\n## Neste\n\n- én\n- to')).toBe(
      'Les mer om legen og spør oss.\nNeste\nén\nto',
    );
    expect(titles(search('legene', { scope: 'all', index }).hits)).toEqual(['Syk i familien']);
    expect(search('kontakt', { scope: 'all', index }).hits).toEqual([]);
  });

  it('skips common small words unless the query has nothing else', () => {
    expect(titles(search('hvem kan hjelpe når det er sorg', { scope: 'unge', index }).hits)).toEqual([]);
    expect(titles(search('når er det sorg', { scope: 'unge', index }).hits)).toEqual(['Når noen dør']);
    expect(titles(search('når', { scope: 'unge', index }).hits)).toEqual(['Når noen dør']);
  });

  it('cuts a long body down to about 25 words around the first match', () => {
    const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
    const long = buildSearchIndex({ articles: [article('lang', 'Lang', `${filler(40, 'tekst')} sykdommen ${filler(40, 'mer')}.`)], youngTopics: [] });
    const [hit] = search('sykdom', { scope: 'all', index: long }).hits;
    const text = hit!.snippet.map((s) => s.text).join('');
    expect(text.startsWith('… tekst')).toBe(true);
    expect(text.endsWith('mer …')).toBe(true);
    expect(text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length).toBe(25);
  });

  it('returns nothing, without an error, for an empty query', () => {
    for (const query of ['', '   ', '?!']) expect(search(query, { scope: 'all', index })).toEqual({ status: 'empty', hits: [] });
  });

  it('refuses a query over 200 characters or 10 words', () => {
    expect(search('sorg '.repeat(40).trim(), { scope: 'all', index }).status).toBe('ok');
    expect(search('s'.repeat(201), { scope: 'all', index })).toEqual({ status: 'too-long', hits: [] });
    const elevenWords = 'sorg skole jobb barn lege syk mor far sykehus student kurs';
    expect(search(elevenWords, { scope: 'all', index })).toEqual({ status: 'too-long', hits: [] });
  });
});

describe('search on the real content', () => {
  const content = loadContent();
  const real = buildSearchIndex(content);

  it('finds "sykdom" in an article that only has "sykdommen"', () => {
    const target = content.articles.find((a) => a.slug === 'kommunens-plikt-til-parorendestotte')!;
    const text = `${target.title} ${target.summary} ${target.body}`;
    expect(text).not.toMatch(/\bsykdom\b/i);
    expect(text).toMatch(/\bsykdommen\b/);

    const hit = search('sykdom', { scope: 'all', index: real }).hits.find((h) => h.href === '/i-helsetjenesten/kommunens-plikt-til-parorendestotte');
    expect(hit?.title).toBe('Kommunens plikt til å støtte deg som pårørende');
    expect(marked(hit)).toContain('sykdommen');
  });

  it('finds the children topic on psychiatric illness from a plural form', () => {
    const hits = search('sykdommer', { scope: 'unge', index: real }).hits;
    expect(hits[0]).toMatchObject({ href: '/unge/psykisk-sykdom-i-familien', title: 'Psykisk sykdom i familien' });
  });

  it('requires every word: "permisjon studiet" leaves out the article on care leave from work', () => {
    const hrefs = search('permisjon studiet', { scope: 'all', index: real }).hits.map((h) => h.href);
    expect(hrefs).toContain('/for-studenter/utsatt-eksamen-og-permisjon-fra-studiet');
    expect(hrefs).not.toContain('/i-arbeidslivet/permisjon-for-a-pleie-naere-parorende');
    expect(search('permisjon', { scope: 'all', index: real }).hits.map((h) => h.href)).toContain(
      '/i-arbeidslivet/permisjon-for-a-pleie-naere-parorende',
    );
  });

  it('puts the articles with the word in their title first', () => {
    const inTitle = search('permisjon', { scope: 'all', index: real }).hits.map((h) => /permisjon/i.test(h.title));
    expect(inTitle.slice(0, 2)).toEqual([true, true]);
    expect(inTitle.indexOf(false)).toBeGreaterThan(inTitle.lastIndexOf(true));
  });

  it('gives only children topics in the unge scope', () => {
    const hits = search('sorg', { scope: 'unge', index: real }).hits;
    expect(hits.map((h) => h.href)).toContain('/unge/nar-noen-dor');
    expect(hits.every((h) => h.kind === 'topic' && h.href.startsWith('/unge/'))).toBe(true);
  });

  it('uses the site content when no index is given', () => {
    expect(search('sykdom', { scope: 'all' }).hits.length).toBe(search('sykdom', { scope: 'all', index: real }).hits.length);
    expect(search('', { scope: 'all' })).toEqual({ status: 'empty', hits: [] });
  });
});
