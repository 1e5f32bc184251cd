import { describe, expect, it } from 'vitest';
import { articleBySlug } from '@/lib/content/fact-check';
import { loadContent } from '@/lib/content/load';

/**
 * Facts in the four "På skolen" articles that the fact check corrected (issue 9).
 * Each test pins one fact as an editor would state it, so a revert shows up here.
 */
const { articles } = loadContent();
const article = (slug: string) => articleBySlug(articles, slug);

/** The body as one line of plain words: no Markdown emphasis, whitespace collapsed. */
function text(slug: string): string {
  return article(slug).body.replace(/\*\*|__/g, '').replace(/\s+/g, ' ');
}

const SKOLEMILJO = 'skolens-plikt-til-trygt-skolemiljo';
const FORTELLE = 'fortelle-skolen-om-situasjonen-hjemme';
const HELSESYKEPLEIER = 'helsesykepleier-og-skolehelsetjenesten';
const TEGN = 'tegn-pa-at-barnet-trenger-mer-stotte';
const ALL = [SKOLEMILJO, FORTELLE, HELSESYKEPLEIER, TEGN];

describe('the four På skolen articles', () => {
  it('are all there', () => {
    for (const slug of ALL) expect(articles.map((a) => a.slug), slug).toContain(slug);
  });
});

describe('skolemiljø: the way to the statsforvalter', () => {
  it('a case can go to the statsforvalteren only after the rektor has had it for at least one week', () => {
    const body = text(SKOLEMILJO);
    expect(body).toMatch(/statsforvalteren/i);
    // The paragraph about the statsforvalter names both conditions: rektor first, then a week.
    const paragraph = body.slice(body.search(/## Hvis skolen ikke gjør nok/));
    expect(paragraph).toMatch(/tatt opp med rektor/);
    expect(paragraph).toMatch(/minst en uke/);
  });

  it('cites the 2024 opplæringslova: aktivitetsplikt in § 12-4, the statsforvalter scheme in § 12-6, the right in § 12-2', () => {
    const body = text(SKOLEMILJO);
    expect(body).toMatch(/aktivitetsplikt[^.]*\.[^.]*§ 12-4/i);
    expect(body).toMatch(/håndhevingsordningen, og den står i opplæringslova § 12-6/);
    expect(body).toMatch(/§ 12-2/);
    expect(body).toMatch(/1\. august 2024/);
    // Chapter 9 A is named only as the old place of the rules, never cited as current law.
    expect(body).not.toMatch(/§ 9 ?A-\d/);
  });

  it('the right covers helse, inkludering, trivsel og læring (the 2024 wording)', () => {
    expect(text(SKOLEMILJO)).toMatch(/helse, inkludering, trivsel og læring/);
    expect(article(SKOLEMILJO).summary).toMatch(/helse, inkludering, trivsel og læring/);
  });

  it('does not claim a "no lower age limit" rule it could not source', () => {
    expect(text(SKOLEMILJO)).not.toMatch(/aldersgrense/);
  });
});

describe('helsepersonell and the sykehus', () => {
  it('barneansvarlig personell is required only where needed, not in every department', () => {
    const body = text(HELSESYKEPLEIER);
    expect(body).toMatch(/barneansvarlig personell i den grad det er nødvendig/);
    expect(body).toMatch(/krever altså ikke at hver avdeling/);
    expect(text(TEGN)).toMatch(/barneansvarlig personell i den grad det er nødvendig/);
    // No page may send the reader to "the" barneansvarlig as if every ward had one.
    for (const slug of ALL) {
      expect(text(slug), slug).not.toMatch(/(Be om en samtale med|kan) barneansvarlig personell (på sykehuset|der)/);
    }
  });

  it('helsepersonelloven § 10a covers a sick parent and, since 2018, a sick sibling', () => {
    const body = text(HELSESYKEPLEIER);
    expect(body).toMatch(/en forelder eller et søsken[^.]*\. Det står i helsepersonelloven § 10a/);
    expect(body).toMatch(/siden 2018 gjelder det også når det er et søsken som er sykt/);
    expect(text(TEGN)).toMatch(/en forelder eller et søsken[^.]*\. Det står i helsepersonelloven § 10a/);
  });

  it('the duty to tell barnevernet is named with its paragraph, helsepersonelloven § 33', () => {
    expect(text(HELSESYKEPLEIER)).toMatch(/barnevernet\. Det står i helsepersonelloven § 33/);
  });

  it('from 12 to 16 the child can keep things from the parents; from 16 parents get only what they need', () => {
    const body = text(HELSESYKEPLEIER);
    expect(body).toMatch(/mellom 12 og 16 år/);
    expect(body).toMatch(/16 år, får foreldrene bare slike nødvendige opplysninger/);
  });
});

describe('skolehelsetjenesten', () => {
  it('is free, for barneskole, ungdomsskole and videregående, and open without an appointment', () => {
    const body = text(HELSESYKEPLEIER);
    expect(body).toMatch(/barneskolen, ungdomsskolen og videregående skole, og den er gratis/);
    expect(body).toMatch(/uten avtale/);
    expect(body).toMatch(/0 til 20 år/);
  });
});

describe('acute help and language', () => {
  it('the self-harm advice names legevakt 116 117 and 113 when life is in danger', () => {
    const body = text(TEGN);
    expect(body).toMatch(/legevakten på 116 117/);
    expect(body).toMatch(/livet til barnet er i fare, ring 113/);
  });

  it('no page says "komfortabel med"', () => {
    for (const slug of ALL) expect(text(slug), slug).not.toMatch(/komfortabel med/i);
    expect(text(FORTELLE)).toMatch(/så mye av det som du selv vil dele/);
  });

  it('every page was re-checked on 2026-12-01 and lists udir, helsedirektoratet, helsenorge or regjeringen among its sources', () => {
    for (const slug of ALL) {
      const a = article(slug) as unknown as { reviewed: string; sources: { url: string }[] };
      expect(a.reviewed, slug).toBe('2026-12-01');
      expect(
        a.sources.some((s) => /udir\.no|helsedirektoratet\.no|helsenorge\.no|regjeringen\.no/.test(s.url)),
        slug,
      ).toBe(true);
    }
  });

  it('the skolemiljø page cites Udir on the one-week rule', () => {
    const a = article(SKOLEMILJO) as unknown as { sources: { url: string }[] };
    expect(a.sources.map((s) => s.url)).toContain(
      'https://www.udir.no/tall-og-forskning/finn-forskning/tema/saker-meldt-til-fylkesmennene-om-skolemiljo/',
    );
  });
});
