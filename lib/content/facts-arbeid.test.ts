import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { articleBySlug, blockWith, sectionUnder } from '@/lib/content/fact-check';

/**
 * Pins the facts the editor's fact check corrected in the four "I arbeidslivet" articles
 * (issue 9), so a later edit cannot quietly bring the old wording back.
 */
const { articles } = loadContent();

const SLUGS = [
  'omsorgsdager-pleiepenger-og-opplaeringspenger',
  'permisjon-for-a-pleie-naere-parorende',
  'snakke-med-lederen-om-situasjonen',
  'ta-vare-pa-egen-helse-i-jobben',
] as const;

const article = (slug: (typeof SLUGS)[number]) => articleBySlug(articles, slug);

describe('Omsorgsdager, pleiepenger og opplæringspenger', () => {
  const { body, summary } = article('omsorgsdager-pleiepenger-og-opplaeringspenger');
  const omsorgsdager = () => sectionUnder(body, 'Omsorgsdager');
  const betaling = () => sectionUnder(body, 'Hvem betaler for omsorgsdagene?', 3);
  const opplaering = () => sectionUnder(body, 'Opplæringspenger');

  it('says opplæringspenger also cover training to care for an adult (voksen) with a disability or long-term illness', () => {
    const item = blockWith(opplaering(), 'omsorg for en voksen');
    expect(item).toContain('funksjonsnedsettelse eller langvarig sykdom');
    expect(item).toContain('opplæringspenger');
    expect(sectionUnder(body, 'Opplæringspenger')).toMatch(/^## Opplæringspenger: .*voksen/);
  });

  it('no longer says the article is only for parents of a child, and the summary names the adult case', () => {
    expect(body).not.toContain('Denne artikkelen handler om deg som er forelder eller fast omsorgsperson for et barn.');
    expect(summary).toMatch(/Opplæringspenger.*voksen/);
  });

  it('states the work requirement for omsorgsdager: in work for the last four weeks', () => {
    const item = blockWith(omsorgsdager(), 'fire ukene');
    expect(item).toContain('ha vært i jobb de siste fire ukene');
  });

  it('says the employer pays the first ten days and can claim a refund from NAV from day 11', () => {
    const item = blockWith(betaling(), 'De første ti dagene');
    expect(item).toContain('arbeidsgiveren selv');
    expect(item).toContain('dag 11');
    expect(item).toContain('refusjon');
    expect(betaling()).toContain('lønn som vanlig');
  });

  it('says self-employed and freelancers get omsorgspenger from NAV from day 11', () => {
    const item = blockWith(betaling(), 'selvstendig næringsdrivende');
    expect(item).toContain('NAV betaler fra dag 11');
  });

  it('no longer leaves open who pays ("de første dagene")', () => {
    expect(body).not.toContain('betaler lønn som vanlig for de første dagene');
  });

  it('keeps the confirmed age limit: the year the child turns 12', () => {
    expect(omsorgsdager()).toContain('ut kalenderåret barnet fyller 12 år');
  });
});

describe('Permisjon for å pleie en nær pårørende: pleiepenger i livets sluttfase', () => {
  const { body } = article('permisjon-for-a-pleie-naere-parorende');
  const pleiepenger = () => sectionUnder(body, 'Pleiepenger i livets sluttfase');

  it('says there are 60 days per patient in total, shared by everyone who cares', () => {
    const item = blockWith(pleiepenger(), '60 dager per pasient');
    expect(item).toContain('til sammen');
    expect(item).toContain('deler dere de samme 60 dagene');
  });

  it('says the care must take place at home', () => {
    expect(blockWith(pleiepenger(), 'Pleien må skje hjemme')).toContain('hjemme hos deg');
  });

  it('says pleiepenger stop when the patient is admitted, and may restart after discharge', () => {
    const item = blockWith(pleiepenger(), 'stopper');
    expect(item).toContain('blir lagt inn');
    expect(item).toContain('starte på nytt');
  });

  it('says each applicant needs a legeerklæring', () => {
    expect(blockWith(pleiepenger(), 'Hver av dere som søker')).toContain('legeerklæring');
  });

  it('states the four-week work requirement for pleiepenger', () => {
    expect(pleiepenger()).toContain('de siste fire ukene');
  });

  it('keeps the confirmed 60-day leave in arbeidsmiljøloven § 12-10', () => {
    const paragraph = blockWith(sectionUnder(body, 'Permisjon når noen er i livets sluttfase'), '§ 12-10');
    expect(paragraph).toContain('60 dager');
  });

  it('names legevakt 116 117 and 113 for when the patient gets worse at night', () => {
    expect(body).toContain('116 117');
    expect(body).toContain('113');
  });
});

describe('Snakke med lederen: arbeidsmiljøloven § 10-2', () => {
  const { body } = article('snakke-med-lederen-om-situasjonen');

  it('says redusert arbeidstid can be refused only for vesentlig ulempe and gives the right to return', () => {
    const item = blockWith(body, 'Redusert arbeidstid.');
    expect(item).toContain('vesentlig ulempe');
    expect(item).toContain('gå tilbake til arbeidstiden du hadde før');
  });

  it('no longer says you have no duty at all to explain an absence to the employer', () => {
    expect(body).not.toContain('Du har ingen plikt til å fortelle arbeidsgiveren');
    expect(blockWith(body, 'Ber du om permisjon')).toContain('vise at du trenger fri');
  });
});

describe('Ta vare på egen helse i jobben', () => {
  const { body } = article('ta-vare-pa-egen-helse-i-jobben');

  it('names legevakt 116 117 and 113 where it speaks of acute illness at night', () => {
    const paragraph = blockWith(body, 'akutt syk');
    expect(paragraph).toContain('116 117');
    expect(paragraph).toContain('113');
  });

  it('says sykepenger rest on your own illness, not on the strain of being a relative', () => {
    const paragraph = blockWith(body, 'sykepenger forutsetter');
    expect(paragraph).toContain('egen sykdom');
  });
});

describe('the four work articles carry a review date and sources', () => {
  it.each(SLUGS)('%s is reviewed 2026-12-01 and lists at least one https source', (slug) => {
    const a = article(slug);
    expect(a.reviewed).toBe('2026-12-01');
    expect(a.sources.length).toBeGreaterThan(0);
    for (const source of a.sources) expect(source.url.startsWith('https://')).toBe(true);
  });
});
