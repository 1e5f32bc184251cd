import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { AGE_BANDS, type AgeBand } from '@/lib/content/schema';
import { blocks, readableText, topicBySlug } from '@/lib/content/fact-check';

/**
 * Facts the editor's fact check corrected on five children's topics (issue 9): emergency and help
 * numbers, helsepersonelloven § 10a covering siblings, the Bokmål fixes, and a review date and
 * sources on every band file. Each test pins one corrected claim, so reverting the wording fails it.
 */

const TOPICS = [
  'a-snakke-med-noen-pa-skolen',
  'det-er-ikke-din-skyld',
  'du-har-rett-til-a-vite-hva-som-skjer',
  'nar-mamma-eller-pappa-er-syk',
  'nar-noen-dor',
] as const;

const content = loadContent();

const variant = (slug: (typeof TOPICS)[number], band: AgeBand) => topicBySlug(content, slug).variants[band];

/** Every band file of our five topics, with title, summary and readable body text together. */
const pages = TOPICS.flatMap((slug) =>
  AGE_BANDS.map((band) => {
    const v = variant(slug, band);
    return { name: `${slug}/${band}`, band, variant: v, text: readableText(v) };
  }),
);
const cases = pages.map((p) => [p.name, p] as const);

/** Each sentence that gives `number`, together with the sentence after it in the same paragraph. */
function mentionsOf(text: string, number: string): string[] {
  return blocks(text).flatMap((block) => {
    const sentences = block.split(/(?<=[.!?])\s+/);
    return sentences.flatMap((sentence, i) => (sentence.includes(number) ? [`${sentence} ${sentences[i + 1] ?? ''}`] : []));
  });
}

describe('help numbers on the children\'s pages', () => {
  it.each(cases)('%s: a page that gives 113 (ambulanse) also gives 112 (politiet)', (_name, page) => {
    if (!/\b113\b/.test(page.text)) return;
    expect(page.text).toMatch(/\b112\b/);
    expect(page.text).toMatch(/politi/i);
  });

  it('nar-noen-dor/14-18: the "ring 113" sentence now stands beside "ring politiet på 112"', () => {
    const text = pages.find((p) => p.name === 'nar-noen-dor/14-18')!.text;
    const block = blocks(text).find((b) => /\b113\b/.test(b));
    expect(block).toBeDefined();
    expect(block).toMatch(/politiet på 112/);
  });

  it.each(cases)('%s: where 116 123 (Mental Helses hjelpetelefon) is given, it says it is free and open day and night, in that sentence or the next', (_name, page) => {
    for (const mention of mentionsOf(page.text, '116 123')) {
      expect(mention, page.name).toMatch(/gratis/);
      expect(mention, page.name).toMatch(/hele døgnet/);
    }
  });

  it.each(cases)('%s: where 116 111 (Alarmtelefonen) is given, it says it is free and open day and night, in that sentence or the next', (_name, page) => {
    for (const mention of mentionsOf(page.text, '116 111')) {
      expect(mention, page.name).toMatch(/gratis/);
      expect(mention, page.name).toMatch(/hele døgnet/);
    }
  });

  it.each(cases)('%s: a page that sends you to the legevakt gives its number 116 117', (_name, page) => {
    if (!/legevakt/i.test(page.text)) return;
    expect(page.text).toMatch(/116 117/);
  });
});

describe('helsepersonelloven § 10a covers siblings (søsken) since 2018', () => {
  const teens = pages.filter((p) => p.band === '14-18');

  it('the 14-18 pages on the right to know and on a parent\'s illness both explain § 10a', () => {
    for (const name of ['du-har-rett-til-a-vite-hva-som-skjer/14-18', 'nar-mamma-eller-pappa-er-syk/14-18']) {
      expect(teens.find((p) => p.name === name)!.text, name).toMatch(/§ 10a/);
    }
  });

  it.each(teens.map((p) => [p.name, p] as const))('%s: every paragraph about § 10a says it also covers søsken', (_name, page) => {
    for (const block of blocks(page.text).filter((b) => /§ 10 ?a/.test(b))) {
      expect(block, page.name).toMatch(/søsken/);
    }
  });

  it('du-har-rett-til-a-vite-hva-som-skjer/14-18 no longer says § 10a applies only when a forelder is ill', () => {
    const text = pages.find((p) => p.name === 'du-har-rett-til-a-vite-hva-som-skjer/14-18')!.text;
    expect(text).not.toMatch(/Det gjelder når en forelder har en psykisk sykdom/);
    expect(text).toMatch(/en forelder eller et søsken er pasient/);
    expect(text).toMatch(/siden 2018/);
  });

  it.each(teens.map((p) => [p.name, p] as const))('%s: a page that explains § 10a cites the § 10a commentary as a source', (_name, page) => {
    if (!/§ 10 ?a/.test(page.text)) return;
    expect(page.variant.sources.some((s) => /§ 10 ?a/.test(s.title))).toBe(true);
  });
});

describe('Bokmål corrections', () => {
  const banned: [string, RegExp][] = [
    ['"Mental Helse sin" (say "Mental Helses")', /Mental Helse sin\b/],
    ['"et barn sin" (say "et barns")', /\bet barn sin\b/],
    ['"ikke en gang" (say "ikke engang")', /\bikke en gang\b/i],
    ['"blir du i sorg" (say "sørger du")', /\bblir du i sorg\b/i],
  ];

  it.each(cases)('%s: has none of the phrases the editor struck', (_name, page) => {
    for (const [what, pattern] of banned) expect(page.text, `${page.name}: ${what}`).not.toMatch(pattern);
  });

  it('det-er-ikke-din-skyld/under-10: the summary says "et barns skyld"', () => {
    expect(variant('det-er-ikke-din-skyld', 'under-10').summary).toMatch(/et barns skyld/);
  });

  it('det-er-ikke-din-skyld/under-10: says "Ikke engang litt"', () => {
    expect(variant('det-er-ikke-din-skyld', 'under-10').body).toMatch(/Ikke engang litt/);
  });

  it('nar-noen-dor/under-10: says "sørger du" and explains the word', () => {
    const body = variant('nar-noen-dor', 'under-10').body;
    expect(body).toMatch(/sørger du/);
    expect(body).toMatch(/savner/);
  });

  it.each(cases)('%s: where Mental Helse is named, it is "Mental Helses hjelpetelefon"', (_name, page) => {
    if (!/Mental Helse/.test(page.text)) return;
    expect(page.text).toMatch(/Mental Helses hjelpetelefon/);
  });

  it.each(pages.filter((p) => p.band === 'under-10').map((p) => [p.name, p] as const))(
    '%s: uses neither "rusmidler" nor "skåne" for under-10s',
    (_name, page) => {
      expect(page.text).not.toMatch(/rusmidl|skåne/i);
    },
  );
});

describe('review date and sources', () => {
  it.each(cases)('%s: was reviewed on 2026-12-01 and lists at least one https source checked that day', (_name, page) => {
    expect(page.variant.reviewed).toBe('2026-12-01');
    expect(page.variant.sources.length).toBeGreaterThan(0);
    for (const source of page.variant.sources) {
      expect(source.url).toMatch(/^https:\/\//);
      expect(source.checked).toBe('2026-12-01');
    }
  });

  it.each(cases)('%s: a page that gives 116 111 cites 116111.no', (_name, page) => {
    if (!page.text.includes('116 111')) return;
    expect(page.variant.sources.some((s) => s.url.includes('116111.no'))).toBe(true);
  });
});
