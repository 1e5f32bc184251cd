import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { AGE_BANDS } from '@/lib/content/schema';
import { ALARMTELEFONEN, AMBULANCE, EMERGENCY_SENTENCE, LEGEVAKT, LEGEVAKT_SENTENCE, MENTAL_HELSE, POLICE, availability } from '@/lib/help-numbers';
import { readableText, sentences } from '@/lib/content/fact-check';

/**
 * The help numbers as the content writes them: a danger that may be violence gets the police
 * beside the ambulance, and a number is always written the way the help box writes it.
 */

const content = loadContent();

type Page = { file: string; text: string };

const youngPages: Page[] = [
  ...content.youngTopics.flatMap((t) =>
    AGE_BANDS.map((band) => {
      const v = t.variants[band];
      return { file: v.file, text: readableText(v) };
    }),
  ),
  { file: content.agreement.file, text: readableText(content.agreement) },
];
const articlePages: Page[] = content.articles.map((a) => ({ file: a.file, text: readableText(a) }));

/** Words that say someone may be in danger: hurt, hit, threatened, afraid. */
const DANGER = /\b(fare|farlig|redd|skade[rt]?|skadet|slår|slått|vold|truer|truet)\b/i;

/** The sentences of a page that send the reader to 113 because of a danger. */
function dangerSentencesWith113(text: string): string[] {
  return sentences(text).filter((s) => /\b113\b/.test(s) && DANGER.test(s));
}

describe('danger sentences on the children\'s pages', () => {
  it('finds a danger sentence with 113 (so the check below is not empty)', () => {
    expect(dangerSentencesWith113('Er noen i fare, ring 113. Ha det.')).toEqual(['Er noen i fare, ring 113.']);
    expect(dangerSentencesWith113('Blir noen veldig syk, ring 113.')).toEqual([]);
    expect(youngPages.some((p) => dangerSentencesWith113(p.text).length > 0)).toBe(true);
  });

  it.each(youngPages.map((p) => [p.file, p] as const))('%s: a danger sentence with 113 has 112 (politiet) on the page too', (_file, page) => {
    if (dangerSentencesWith113(page.text).length === 0) return;
    expect(page.text).toMatch(/\b112\b/);
  });

  it('no children\'s page sends a reader in danger to 113 alone with the old wording', () => {
    const offenders = youngPages.filter((p) => sentences(p.text).some((s) => /Er noen i fare, (så )?ring 113\.?$/.test(s)));
    expect(offenders.map((p) => p.file)).toEqual([]);
  });
});

describe('numbers written as the help box writes them', () => {
  const all = [...youngPages, ...articlePages];

  it.each([ALARMTELEFONEN, MENTAL_HELSE, LEGEVAKT])('$number is never written without its space', (n) => {
    const written = new RegExp(`\\b${n.tel}\\b`);
    expect(all.filter((p) => written.test(p.text)).map((p) => p.file)).toEqual([]);
  });

  it('every page that names the legevakt gives its number, 116 117', () => {
    const missing = all.filter((p) => /legevakt/i.test(p.text) && !p.text.includes(LEGEVAKT.number));
    expect(missing.map((p) => p.file)).toEqual([]);
  });

  it('every adult page with a sentence about illness at night or at the weekend gives the legevakt, 116 117', () => {
    const night = /\b(natt|natta|natten|kveld|kvelden|helg|helgen|helgene)\b/i;
    const illness = /\b(syk|sykt|syke|sykdom|lege|legen|verre|skadet)\b/i;
    const pages = articlePages.filter((p) => sentences(p.text).some((s) => night.test(s) && illness.test(s)));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => !p.text.includes(LEGEVAKT.number)).map((p) => p.file)).toEqual([]);
  });

  it('every page that gives 116 123 names it as Mental Helses hjelpetelefon, never "Mental Helse sin"', () => {
    expect(all.filter((p) => /Mental Helse sin/.test(p.text)).map((p) => p.file)).toEqual([]);
  });
});

describe('the help-number module', () => {
  it('says 116 111, 116 123 and 116 117 are free and open day and night', () => {
    for (const n of [ALARMTELEFONEN, MENTAL_HELSE, LEGEVAKT]) expect(availability(n)).toBe('Gratis. Åpent hele døgnet.');
  });

  it('tells adults the police and the ambulance numbers in one sentence, and the legevakt in another', () => {
    expect(EMERGENCY_SENTENCE).toContain(POLICE.number);
    expect(EMERGENCY_SENTENCE).toContain(AMBULANCE.number);
    expect(LEGEVAKT_SENTENCE).toContain('116 117');
  });

  it('says when to call the police in words about violence, and the ambulance about illness or injury', () => {
    expect(POLICE.when).toMatch(/slår|truer/);
    expect(AMBULANCE.when).toMatch(/syk|skadet/);
  });
});
