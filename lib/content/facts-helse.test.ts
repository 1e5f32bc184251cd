import { describe, expect, it } from 'vitest';
import { sections } from '@/content/sections';
import { loadContent } from '@/lib/content/load';
import { articleBySlug, paragraphWith } from '@/lib/content/fact-check';

/**
 * Pins the facts the editor's fact check corrected in the four "I helsetjenesten" articles
 * (issue 9), so a later edit cannot quietly bring the old wording back.
 */
const { articles } = loadContent();

const SLUGS = [
  'barn-som-parorende-i-helsetjenesten',
  'forbered-samtalen-med-helsepersonell',
  'kommunens-plikt-til-parorendestotte',
  'rett-til-informasjon-som-parorende',
] as const;

const article = (slug: (typeof SLUGS)[number]) => articleBySlug(articles, slug);

describe('barn som pårørende i helsetjenesten', () => {
  const { body } = article('barn-som-parorende-i-helsetjenesten');

  it('says barneansvarlig personell is required «i nødvendig utstrekning» (spesialisthelsetjenesteloven § 3-7a)', () => {
    const paragraph = paragraphWith(body, '§ 3-7a');
    expect(paragraph).toContain('i nødvendig utstrekning');
    expect(paragraph).toContain('barneansvarlig personell');
  });

  it('no longer claims that all institutions must have barneansvarlig personell', () => {
    expect(body).not.toMatch(/\balle\b[^.]*helseinstitusjon/i);
    expect(body).not.toMatch(/helseinstitusjon[^.]*\balle\b/i);
  });

  it('says helsepersonelloven § 10a covers a sick sibling as well as a sick parent, since 2018', () => {
    const paragraph = paragraphWith(body, '§ 10a');
    expect(paragraph).toMatch(/søsken/);
    expect(paragraph).toContain('2018');
    expect(body).toMatch(/forelder/);
  });

  it('says helsepersonelloven § 10b covers children who lose a parent or a sibling', () => {
    const paragraph = paragraphWith(body, '§ 10b');
    expect(paragraph).toMatch(/mister en forelder eller et søsken/);
  });

  it('says the school or the teacher gets information from the health service only with the patient’s consent', () => {
    const paragraph = paragraphWith(body, 'lærer');
    expect(paragraph).toMatch(/må pasienten samtykke/);
  });
});

describe('forbered samtalen med helsepersonell', () => {
  const { body } = article('forbered-samtalen-med-helsepersonell');

  it('gives «gå tom» its object: «gå tom for krefter»', () => {
    expect(body).toContain('gå tom for krefter');
    expect(body).not.toMatch(/gå tom(?! for)/);
  });

  it('names legevakt 116 117 for sudden illness and 113 when life is in danger', () => {
    expect(body).toContain('116 117');
    expect(body).toMatch(/legevakt/i);
    expect(paragraphWith(body, '116 117')).toContain('113');
  });

  it('still points to pasient- og brukerrettighetsloven § 3-3 for information to relatives', () => {
    expect(body).toContain('pasient- og brukerrettighetsloven § 3-3');
  });
});

describe('kommunens plikt til pårørendestøtte', () => {
  const { body } = article('kommunens-plikt-til-parorendestotte');

  it('names the three forms of support in helse- og omsorgstjenesteloven § 3-6', () => {
    expect(body).toContain('helse- og omsorgstjenesteloven § 3-6');
    expect(body).toMatch(/Opplæring og veiledning/);
    expect(body).toMatch(/Avlastning/);
    expect(body).toMatch(/Omsorgsstønad/);
    expect(body).toMatch(/omsorgslønn/);
  });

  it('says pasient- og brukerrettighetsloven § 2-8 gives a right to a decision (vedtak), not to a particular service', () => {
    expect(paragraphWith(body, '§ 2-8')).toMatch(/vedtak/);
    expect(body).toContain('Loven gir deg ikke rett til en bestemt tjeneste');
  });

  it('says the relative is a party, the complaint goes to the municipality first and then to Statsforvalteren', () => {
    const paragraph = paragraphWith(body, 'Statsforvalteren');
    expect(paragraph).toMatch(/part i saken/);
    expect(paragraph).toMatch(/sendes til kommunen/);
  });

  it('names legevakt 116 117 for illness at night and 113 when life is in danger', () => {
    expect(paragraphWith(body, '116 117')).toMatch(/natten/);
    expect(paragraphWith(body, '116 117')).toContain('113');
  });
});

describe('rett til informasjon som pårørende', () => {
  const { body } = article('rett-til-informasjon-som-parorende');

  it('cites § 1-3, § 3-3, § 3-4 and § 3-1 of pasient- og brukerrettighetsloven', () => {
    for (const section of ['§ 1-3', '§ 3-3', '§ 3-4', '§ 3-1']) {
      expect(body).toContain(`pasient- og brukerrettighetsloven ${section}`);
    }
  });

  it('says the patient chooses the nearest relative, otherwise the one with the most lasting and regular contact', () => {
    const paragraph = paragraphWith(body, 'varig og løpende kontakt');
    expect(paragraph).toMatch(/pasienten selv bestemmer/);
  });

  it('gives the 12–16 exception to parents’ right to information (§ 3-4)', () => {
    expect(paragraphWith(body, '§ 3-4')).toMatch(/12 og 16 år/);
  });

  it('says a complaint is sent to whoever decided and is settled by Statsforvalteren (§ 7-2)', () => {
    const paragraph = paragraphWith(body, '§ 7-2');
    expect(paragraph).toMatch(/sendes til den som tok avgjørelsen/);
    expect(paragraph).toContain('Statsforvalteren');
  });
});

describe('the four health-service articles as a whole', () => {
  it.each(SLUGS)('%s was reviewed on 2026-12-01 and lists https sources checked that day', (slug) => {
    const { reviewed, sources } = article(slug);
    expect(reviewed).toBe('2026-12-01');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.url.startsWith('https://')).toBe(true);
      expect(source.checked).toBe('2026-12-01');
    }
  });

  it.each(SLUGS)('%s has none of the Bokmål errors the editor listed', (slug) => {
    const { body, title, summary } = article(slug);
    const text = `${title}\n${summary}\n${body}`;
    for (const wrong of [
      /med de som/i,
      /Mental Helse sin/,
      /ikke en gang/i,
      /komfortabel med/i,
      /gjøre dem frisk\b/i,
      /et barn sin skyld/i,
      /blir du i sorg/i,
      /gå tom(?! for)/i,
    ]) {
      expect(text).not.toMatch(wrong);
    }
  });
});

describe('content/sections.ts', () => {
  const texts = sections.flatMap((s) => [s.title, s.lead, ...s.points]);

  it('says «med dem som behandler», never «med de som»', () => {
    expect(texts.join('\n')).not.toMatch(/med de som/i);
    expect(sections.find((s) => s.slug === 'i-helsetjenesten')?.lead).toContain('med dem som behandler');
  });

  it('says «et sykt søsken» and lets «skolen» be referred to as «den»', () => {
    const lead = sections.find((s) => s.slug === 'pa-skolen')?.lead ?? '';
    expect(lead).toContain('en syk forelder eller et sykt søsken');
    expect(lead).toContain('når den vet hva som skjer');
  });
});
