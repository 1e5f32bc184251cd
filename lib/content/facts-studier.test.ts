import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { articleBySlug, paragraphWith, sectionUnder } from '@/lib/content/fact-check';

/**
 * Pins the facts the editor's fact check corrected in the four "For studenter" articles
 * (issue 9), so a later edit cannot quietly bring the old wording back.
 */
const { articles } = loadContent();

const SLUGS = [
  'lanekassen-nar-studiene-blir-forsinket',
  'tilrettelegging-pa-studiet',
  'utsatt-eksamen-og-permisjon-fra-studiet',
  'samtaler-og-stotte-for-studenter',
] as const;

const article = (slug: (typeof SLUGS)[number]) => articleBySlug(articles, slug);

describe('Lånekassen når studiene blir forsinket: sykestipend', () => {
  const { body } = article('lanekassen-nar-studiene-blir-forsinket');
  const sykestipend = () => sectionUnder(body, 'Sykestipend');

  it('says illness of your own child under 12 can also give sykestipend', () => {
    const paragraph = paragraphWith(sykestipend(), 'barnet ditt er sykt');
    expect(paragraph).toContain('under 12 år');
    expect(paragraph).toContain('sykestipend');
  });

  it('no longer says that only your own illness counts for sykestipend', () => {
    expect(body).not.toContain('det er din egen sykdom som teller');
    expect(body).not.toMatch(/bare din egen sykdom/i);
  });

  it('says the first 14 days (two weeks) are not converted to stipend', () => {
    const paragraph = paragraphWith(sykestipend(), 'De første 14 dagene');
    expect(paragraph).toContain('gir ikke stipend');
    expect(paragraph).toContain('dag 15');
  });

  it('gives the yearly maximum of four months and 15 days per studieår', () => {
    expect(sykestipend()).toContain('høyst fire måneder og 15 dager i løpet av ett studieår');
  });

  it('gives the deadline: six months after the end of the studieår', () => {
    expect(sykestipend()).toContain('senest seks måneder etter at studieåret er slutt');
  });

  it('keeps the confirmed figures: more than two weeks, at least 50 prosent studieufør, 60 studiepoeng', () => {
    expect(sykestipend()).toContain('mer enn to uker');
    expect(sykestipend()).toContain('minst 50 prosent studieufør');
    expect(body).toContain('mer enn 60 studiepoeng');
  });
});

describe('Tilrettelegging på studiet', () => {
  const a = article('tilrettelegging-pa-studiet');

  it('no longer uses the pre-2019 standard «så langt det er rimelig og mulig» (summary or body)', () => {
    for (const text of [a.summary, a.body]) {
      expect(text).not.toMatch(/rimelig og mulig/i);
      expect(text).not.toMatch(/mulig og rimelig/i);
    }
  });

  it('states the right to egnet individuell tilrettelegging', () => {
    expect(a.body).toContain('rett til egnet individuell tilrettelegging');
    expect(a.summary).toContain('rett til egnet individuell tilrettelegging');
  });

  it('names the limits: uforholdsmessig byrde, and the faglige kravene are not lowered', () => {
    const loven = sectionUnder(a.body, 'Hva sier loven?');
    expect(loven).toContain('uforholdsmessig byrde');
    expect(paragraphWith(loven, 'faglige kravene')).toContain('ikke senke');
  });

  it('says a refusal must be reasoned (begrunnet) and can be appealed (klage)', () => {
    const paragraph = paragraphWith(sectionUnder(a.body, 'Hvis du får nei'), 'begrunnet');
    expect(paragraph).toMatch(/Avslaget skal være begrunnet/);
    expect(paragraph).toMatch(/du kan \*\*klage\*\* på det/);
  });
});

describe('Utsatt eksamen og permisjon fra studiet: permisjon', () => {
  const { body } = article('utsatt-eksamen-og-permisjon-fra-studiet');
  const permisjon = () => sectionUnder(body, 'Permisjon fra studiet');

  it('describes permisjon as a statutory right since 1 August 2022', () => {
    const paragraph = paragraphWith(permisjon(), 'rett til permisjon');
    expect(paragraph).toContain('Siden 1. august 2022');
    expect(paragraph).toContain('lovfestet **rett til permisjon**');
    expect(paragraph).toContain('andre særlige grunner');
  });

  it('no longer says that «mange studiesteder» give permisjon', () => {
    expect(body).not.toMatch(/mange studiesteder gir permisjon/i);
    expect(permisjon()).not.toMatch(/\bmange\b/i);
  });

  it('does not claim that illness in the family is a ground the law lists', () => {
    expect(paragraphWith(permisjon(), 'Alvorlig sykdom i familien')).toContain('står ikke som en egen grunn i loven');
  });
});

describe('Samtaler og støtte for studenter: when it is urgent', () => {
  const { body } = article('samtaler-og-stotte-for-studenter');
  const haster = () => sectionUnder(body, 'Når det haster');

  it('names legevakten with its number 116 117', () => {
    expect(paragraphWith(haster(), 'Legevakten')).toContain('116 117');
  });

  it('gives 113 for when life is in danger', () => {
    const line = haster()
      .split('\n')
      .find((l) => l.includes('113'));
    expect(line).toBeDefined();
    expect(line).toMatch(/står om liv/);
  });

  it('gives Mental Helses hjelpetelefon 116 123 as free and open all day and night', () => {
    const line = haster()
      .split('\n')
      .find((l) => l.includes('116 123'));
    expect(line).toContain('Mental Helses');
    expect(line).toContain('gratis');
    expect(line).toContain('hele døgnet');
  });
});

describe('all four student articles', () => {
  it.each(SLUGS)('%s is reviewed 2026-12-01 and lists its sources', (slug) => {
    const a = article(slug);
    expect(a.reviewed).toBe('2026-12-01');
    expect(a.sources.length).toBeGreaterThan(0);
    for (const source of a.sources) expect(source.checked).toBe('2026-12-01');
  });

  it.each(SLUGS)('%s avoids the Bokmål errors the editor listed', (slug) => {
    const { body, summary } = article(slug);
    for (const text of [body, summary]) {
      expect(text).not.toMatch(/Mental Helse sin/);
      expect(text).not.toMatch(/ikke en gang/);
      expect(text).not.toMatch(/komfortabel med/);
      expect(text).not.toMatch(/med de som/);
    }
  });
});
