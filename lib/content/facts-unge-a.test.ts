import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { AGE_BANDS, type AgeBand } from '@/lib/content/schema';
import { blocks, readableText, sentences, topicBySlug } from '@/lib/content/fact-check';

/**
 * Facts the editor's fact check corrected on three children's topics and the children's user
 * agreement (issue 9). Each test pins one corrected claim, so reverting the wording fails it.
 */

const content = loadContent();
const topic = (slug: string) => topicBySlug(content, slug);

const TOPICS = ['alkohol-eller-rus-hjemme', 'psykisk-sykdom-i-familien', 'hvem-kan-du-snakke-med'] as const;

type Page = { name: string; band: AgeBand | 'agreement'; text: string; variant: { reviewed: string; sources?: { url: string }[] } };

/** Every band of our three topics, with title, summary and readable body text together. */
const ourVariants: Page[] = TOPICS.flatMap((slug) =>
  AGE_BANDS.map((band) => {
    const v = topic(slug).variants[band];
    return { name: `${slug}/${band}`, band, text: readableText(v), variant: v };
  }),
);

const agreement: Page = {
  name: 'brukeravtale',
  band: 'agreement',
  text: readableText(content.agreement),
  variant: content.agreement,
};

const ourPages = [...ourVariants, agreement];

/** Every children's file on the site: all topics, all bands, and the agreement. */
const allChildrensPages: Page[] = [
  ...content.youngTopics.flatMap((t) =>
    AGE_BANDS.map((band) => {
      const v = t.variants[band];
      return { name: `${t.slug}/${band}`, band, text: readableText(v), variant: v };
    }),
  ),
  agreement,
];

const DANGER = /fare|farlig|redd|skadet|slår|slått|truet|akutt|haster/i;

describe('emergency numbers: 112 (politiet) beside 113 (ambulanse)', () => {
  it.each(ourPages.map((p) => [p.name, p] as const))('%s: every page that says 113 also says 112 and names politiet', (_name, page) => {
    if (!/\b113\b/.test(page.text)) return;
    expect(page.text).toMatch(/\b112\b/);
    expect(page.text).toMatch(/politi/i);
  });

  it.each(ourPages.map((p) => [p.name, p] as const))('%s: a danger sentence with 113 is not left without 112', (_name, page) => {
    const danger113 = sentences(page.text).filter((s) => /\b113\b/.test(s) && DANGER.test(s));
    for (const sentence of danger113) {
      // Either the sentence gives 112 itself, or the block it stands in does.
      const block = blocks(page.text).find((b) => b.includes(sentence)) ?? sentence;
      const near = [block, ...blocks(page.text).filter((b) => /\b112\b/.test(b))].join(' ');
      expect(near, `"${sentence}" in ${page.name}`).toMatch(/\b112\b/);
    }
  });

  it('no page of ours still sends a possibly violent danger only to 113 ("Er noen i fare, ring 113")', () => {
    for (const page of ourPages) {
      expect(page.text, page.name).not.toMatch(/i fare,? (?:kan du )?ring(?:e)? 113/i);
      expect(page.text, page.name).not.toMatch(/ring(?:e)? 113,? hvis noen er i fare/i);
    }
  });

  it('every band of the three topics names 112 (politiet) and 113', () => {
    for (const page of ourVariants) {
      expect(page.text, page.name).toMatch(/\b112\b/);
      expect(page.text, page.name).toMatch(/\b113\b/);
    }
  });

  it('the agreement lists 112 as politiet and 113 as the medical emergency number', () => {
    expect(agreement.text).toMatch(/112: politiet/);
    expect(agreement.text).toMatch(/113: medisinsk nødtelefon/);
  });
});

describe('helplines: free and open day and night', () => {
  it.each(ourPages.map((p) => [p.name, p] as const))('%s: wherever 116 111 or 116 123 is given, it is said to be free and open all day and night', (_name, page) => {
    for (const block of blocks(page.text).filter((b) => /116 1(11|23)/.test(b))) {
      expect(block, `${page.name}: "${block}"`).toMatch(/gratis/i);
      expect(block, `${page.name}: "${block}"`).toMatch(/hele døgnet/i);
    }
  });

  it('a page that mentions legevakten gives its number 116 117', () => {
    for (const page of ourPages) {
      if (/legevakt/i.test(page.text)) expect(page.text, page.name).toMatch(/116 117/);
    }
  });
});

describe('helsepersonelloven § 10a covers siblings, not only parents', () => {
  const teen = ['alkohol-eller-rus-hjemme', 'psykisk-sykdom-i-familien'].map((slug) => ourVariants.find((p) => p.name === `${slug}/14-18`)!);

  it.each(teen.map((p) => [p.name, p] as const))('%s: the paragraph on § 10a names søsken as well as mamma and pappa', (_name, page) => {
    const paragraph = blocks(page.text).find((b) => /§ ?10 ?a/.test(b));
    expect(paragraph, `${page.name} should mention § 10a`).toBeDefined();
    expect(paragraph).toMatch(/søsken/);
    expect(paragraph).toMatch(/mamma|pappa|forelder/);
  });

  it.each(teen.map((p) => [p.name, p] as const))('%s: cites a source on § 10a', (_name, page) => {
    expect(page.variant.sources?.some((s) => /10a|10-a|§10a/i.test(decodeURIComponent(s.url)))).toBe(true);
  });
});

describe('Bokmål fixes', () => {
  it('no children\'s file says "Mental Helse sin" (it is "Mental Helses")', () => {
    for (const page of allChildrensPages) expect(page.text, page.name).not.toMatch(/Mental Helse sin\b/);
  });

  it('our pages that name Mental Helse\'s helpline write "Mental Helses"', () => {
    for (const page of ourPages) {
      if (/116 123/.test(page.text)) expect(page.text, page.name).toMatch(/Mental Helses hjelpetelefon/);
    }
  });

  it('no page of ours says "gjøre dem frisk" (it is "friske")', () => {
    for (const page of ourPages) expect(page.text, page.name).not.toMatch(/gjøre dem frisk\b/);
  });

  it('the under-10 pages of our topics do not use "rusmidler" or "skåne"', () => {
    for (const page of ourVariants.filter((p) => p.band === 'under-10')) {
      expect(page.text, page.name).not.toMatch(/rusmid/i);
      expect(page.text, page.name).not.toMatch(/skån/i);
    }
  });

  it('the under-10 alcohol page explains being "ruset" in plain words', () => {
    const page = ourVariants.find((p) => p.name === 'alkohol-eller-rus-hjemme/under-10')!;
    expect(page.text).toMatch(/ruset\. Det betyr at/);
  });
});

describe('the user agreement for the children\'s pages', () => {
  it('is for everyone up to 18, including children under 10, not "omtrent 10 og 18 år"', () => {
    expect(agreement.text).not.toMatch(/omtrent 10/);
    expect(agreement.text).toMatch(/opp til 18 år/);
    expect(agreement.text).toMatch(/under 10 år/);
  });

  it('says nobody needs their parents\' permission, whatever their age (not only "under 15")', () => {
    expect(agreement.text).not.toMatch(/under 15 år/);
    expect(agreement.text).toMatch(/trenger ikke spørre foreldrene dine om lov/);
    expect(agreement.text).toMatch(/uansett hvor gammel du er/);
  });

  it('states what the privacy statement says about keeping chats: 30 days as a rule, sooner if identifying', () => {
    expect(agreement.text).toMatch(/30 dager/);
    expect(content.agreement.body).toContain('](/personvern)');
  });
});

describe('review date and sources', () => {
  it.each(ourPages.map((p) => [p.name, p] as const))('%s: was reviewed on 2026-12-01 and lists its sources', (_name, page) => {
    expect(page.variant.reviewed).toBe('2026-12-01');
    expect(page.variant.sources?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(ourPages.map((p) => [p.name, p] as const))('%s: cites a source for each help number it gives', (_name, page) => {
    const urls = (page.variant.sources ?? []).map((s) => s.url).join(' ');
    if (/\b112\b/.test(page.text)) expect(urls).toMatch(/nkom\.no|politiet\.no/);
    if (/\b113\b/.test(page.text)) expect(urls).toMatch(/helsenorge\.no/);
    if (/116 111/.test(page.text)) expect(urls).toMatch(/116111\.no/);
    if (/116 123/.test(page.text)) expect(urls).toMatch(/mentalhelse\.no/);
  });
});
