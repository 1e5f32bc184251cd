import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError, collectContent, loadContent } from '@/lib/content/load';
import { internalLinks } from '@/lib/content/links';

let dir: string;

function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** A `sources:` value as it follows the key: one indented item line. */
const SOURCES = '\n  - Lovdata: Helsepersonelloven § 10a | https://lovdata.no/lov/1999-07-02-64/§10a | 2026-01-10';

function articleSource(fields: Record<string, string | undefined>, body = 'Tekst.\n'): string {
  const defaults: Record<string, string> = {
    title: 'En tittel',
    summary: 'Et sammendrag.',
    sections: 'i-helsetjenesten',
    tags: 'rus',
    reviewed: '2026-01-15',
    sources: SOURCES,
  };
  const lines = Object.entries({ ...defaults, ...fields })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

const variantSource = (tags = 'rus', body = 'Hei.\n') =>
  `---\ntitle: Tema\nsummary: Kort.\ntags: ${tags}\nreviewed: 2026-01-15\nsources:${SOURCES}\n---\n\n${body}`;

const agreementSource = (body: string) => `---\ntitle: Brukeravtale\nsummary: Om avtalen.\nreviewed: 2026-01-15\n---\n\n${body}`;

/** A small, valid content folder: two tags, two articles, one young topic, the agreement. */
function writeValidContent(): void {
  write(
    'tags.json',
    JSON.stringify([
      { slug: 'rus', name: 'Rus', description: 'Om rus.' },
      { slug: 'sorg', name: 'Sorg', description: 'Om sorg.' },
    ]),
  );
  write(
    'artikler/forste.md',
    articleSource(
      { sections: 'i-helsetjenesten, pa-skolen', tags: 'rus, sorg' },
      [
        'Se [den andre](/i-arbeidslivet/andre), [temaet](/unge/tema/), [tema](/tema/sorg),',
        '[kontakt](/kontakt?fra=artikkel#skjema), [forsiden](/), [seksjonen](/for-studenter),',
        '[chat](/chat), [kurs](/kurs), [personvern](/personvern), [unge](/unge),',
        '[ekstern](https://www.nav.no), [e-post](mailto:post@example.no), [her](#avsnitt).',
      ].join('\n'),
    ),
  );
  write('artikler/andre.md', articleSource({ sections: 'i-arbeidslivet', tags: 'sorg', reviewed: '2025-12-31' }));
  for (const band of ['under-10', '10-13', '14-18']) write(`unge/tema/${band}.md`, variantSource());
  write('unge/brukeravtale.md', agreementSource('Les [forsiden](/unge).\n'));
  write('unge/rekkefolge.json', '["tema"]');
}

function problems(): string[] {
  return collectContent(dir).problems;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hjelpelinje-content-'));
  writeValidContent();
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadContent with a temporary folder', () => {
  it('reads a valid folder into typed content', () => {
    const content = loadContent(dir);
    expect(content.tags.map((t) => t.slug)).toEqual(['rus', 'sorg']);
    expect(content.articles.map((a) => a.slug)).toEqual(['andre', 'forste']);
    const forste = content.articles[1]!;
    expect(forste).toMatchObject({
      slug: 'forste',
      title: 'En tittel',
      sections: ['i-helsetjenesten', 'pa-skolen'],
      tags: ['rus', 'sorg'],
      reviewed: '2026-01-15',
    });
    expect(forste.body.trim().startsWith('Se [den andre]')).toBe(true);
    expect(content.youngTopics).toHaveLength(1);
    expect(content.youngTopics[0]!.slug).toBe('tema');
    expect(Object.keys(content.youngTopics[0]!.variants).sort()).toEqual(['10-13', '14-18', 'under-10']);
    expect(content.youngTopics[0]!.variants['10-13']).toMatchObject({ band: '10-13', title: 'Tema', tags: ['rus'] });
    expect(content.agreement).toMatchObject({ title: 'Brukeravtale', summary: 'Om avtalen.' });
  });

  it('reports an unknown tag with file and field', () => {
    const article = write('artikler/x.md', articleSource({ tags: 'rus, foo' }));
    const variant = write('unge/tema/10-13.md', variantSource('sorg, bar'));
    expect(problems()).toEqual([
      `${article}: tags: unknown tag "foo"`,
      `${variant}: tags: unknown tag "bar"`,
    ]);
  });

  it('reports a bad date', () => {
    const a = write('artikler/a.md', articleSource({ reviewed: '2026-02-30' }));
    const b = write('artikler/b.md', articleSource({ reviewed: '15.01.2026' }));
    const c = write('artikler/c.md', articleSource({ reviewed: undefined }));
    expect(problems()).toEqual([
      `${a}: reviewed: must be a date YYYY-MM-DD, got "2026-02-30"`,
      `${b}: reviewed: must be a date YYYY-MM-DD, got "15.01.2026"`,
      `${c}: reviewed: is required: the date (YYYY-MM-DD) the page was last checked against its sources`,
    ]);
  });

  it('refuses an article or a children\'s page without sources, and names the file', () => {
    const article = write('artikler/uten-kilder.md', articleSource({ sources: undefined }));
    const variant = write('unge/tema/10-13.md', '---\ntitle: Tema\nsummary: Kort.\ntags: rus\n---\n\nHei.\n');
    const { content, problems: found } = collectContent(dir);
    expect(found).toEqual([
      `${article}: sources: is required: list the sources the page rests on, one "  - title | https://address | YYYY-MM-DD" line each`,
      `${variant}: reviewed: is required: the date (YYYY-MM-DD) the page was last checked against its sources`,
      `${variant}: sources: is required: list the sources the page rests on, one "  - title | https://address | YYYY-MM-DD" line each`,
    ]);
    expect(content?.articles.map((a) => a.slug)).not.toContain('uten-kilder');
    expect(content?.youngTopics).toEqual([]);
    expect(() => loadContent(dir)).toThrow(ContentError);
  });

  it('refuses an empty source list, a malformed source line, a plain http address, a bad check date and a repeated address', () => {
    const empty = write('artikler/tom-liste.md', articleSource({ sources: '' }));
    const lines = [
      '  - Bare en tittel',
      '  - NAV | http://www.nav.no/x | 2026-01-10',
      '  - NAV | https://www.nav.no/y | i går',
      '  -  | https://www.nav.no/z | 2026-01-10',
    ];
    const twice = ['  - NAV | https://www.nav.no/w | 2026-01-10', '  - NAV igjen | https://www.nav.no/w | 2026-01-11'];
    const repeated = write('artikler/to-ganger.md', articleSource({ sources: `\n${twice.join('\n')}` }));
    const bad = write('artikler/feil-kilder.md', articleSource({ sources: `\n${lines.join('\n')}` }));
    expect(problems()).toEqual([
      `${bad}: sources: "Bare en tittel" must be "title | https://address | YYYY-MM-DD"`,
      `${bad}: sources: "http://www.nav.no/x" is not an https:// address`,
      `${bad}: sources: "i går" is not a date YYYY-MM-DD (the day the source was checked)`,
      `${bad}: sources: "| https://www.nav.no/z | 2026-01-10" has no title`,
      `${repeated}: sources: lists the same address twice`,
      `${empty}: sources: must list at least one source`,
    ]);
  });

  it('reads sources into title, address and check date', () => {
    const forste = loadContent(dir).articles.find((a) => a.slug === 'forste')!;
    expect(forste.sources).toEqual([
      { title: 'Lovdata: Helsepersonelloven § 10a', url: 'https://lovdata.no/lov/1999-07-02-64/§10a', checked: '2026-01-10' },
    ]);
  });

  it('reports broken internal links', () => {
    const file = write(
      'artikler/lenker.md',
      articleSource(
        {},
        [
          '- [mangler](/i-helsetjenesten/finnes-ikke)',
          '- [feil seksjon](/pa-skolen/andre)',
          '- [ukjent tema](/unge/finnes-ikke)',
          '- [ukjent side](/hjelp)',
          '- [ukjent tag](/tema/demens)',
          '- [for dypt](/unge/tema/10-13)',
          '- [relativ](kontakt)',
          '',
          '| Lenke |',
          '| --- |',
          '| [i tabell](/finnes/ikke) |',
        ].join('\n'),
      ),
    );
    const agreement = write('unge/brukeravtale.md', agreementSource('[Chat](/chatt)\n'));
    const variant = write('unge/tema/14-18.md', variantSource('rus', 'Les [mer](/i-helsetjenesten/ukjent).'));
    expect(problems()).toEqual([
      `${file}: body: broken link "/i-helsetjenesten/finnes-ikke": no article "finnes-ikke"`,
      `${file}: body: broken link "/pa-skolen/andre": article "andre" is not in section "pa-skolen" (it is in i-arbeidslivet)`,
      `${file}: body: broken link "/unge/finnes-ikke": no young topic "finnes-ikke"`,
      `${file}: body: broken link "/hjelp": unknown path`,
      `${file}: body: broken link "/tema/demens": no tag "demens"`,
      `${file}: body: broken link "/unge/tema/10-13": no page at this depth`,
      `${file}: body: broken link "kontakt": internal links must start with "/"`,
      `${file}: body: broken link "/finnes/ikke": unknown path`,
      `${variant}: body: broken link "/i-helsetjenesten/ukjent": no article "ukjent"`,
      `${agreement}: body: broken link "/chatt": unknown path`,
    ]);
  });

  it('reports a missing age band and leaves the topic out', () => {
    fs.rmSync(path.join(dir, 'unge/tema/10-13.md'));
    write('unge/tema/voksen.md', variantSource());
    const { content, problems: found } = collectContent(dir);
    expect(found).toEqual([
      `${path.join(dir, 'unge/tema/voksen.md')}: file: unexpected file; expected under-10.md, 10-13.md, 14-18.md`,
      `${path.join(dir, 'unge/tema/10-13.md')}: band: age band "10-13" is missing for topic "tema"`,
    ]);
    expect(content?.youngTopics).toEqual([]);
  });

  it('refuses a topic folder named like another page under /unge', () => {
    for (const band of ['under-10', '10-13', '14-18']) write(`unge/sok/${band}.md`, variantSource());
    write('unge/rekkefolge.json', '["tema", "sok"]');
    expect(problems()).toEqual([`${path.join(dir, 'unge/sok')}: folder name: "sok" is taken by another page under /unge`]);
  });

  it('lists the topics in the order file\'s order, and reports a topic it leaves out or one that does not exist', () => {
    for (const band of ['under-10', '10-13', '14-18']) write(`unge/annet/${band}.md`, variantSource());
    write('unge/rekkefolge.json', '["tema", "annet"]');
    expect(collectContent(dir).content?.youngTopics.map((t) => t.slug)).toEqual(['tema', 'annet']);

    const order = write('unge/rekkefolge.json', '["tema", "borte", "tema"]');
    expect(problems()).toEqual([
      `${order}: order: names "borte", which is not a topic folder`,
      `${order}: order: names "tema" twice`,
      `${order}: order: does not name the topic "annet"`,
    ]);
  });

  it('accepts links to the search pages and the user agreement', () => {
    write('unge/brukeravtale.md', agreementSource('Se [søk](/sok?q=sorg), [søk for unge](/unge/sok) og [avtalen](/unge/brukeravtale).\n'));
    expect(problems()).toEqual([]);
  });

  it('reports bad or missing front matter and unknown sections', () => {
    const none = write('artikler/uten.md', '# Bare tekst\n');
    const section = write('artikler/seksjon.md', articleSource({ sections: 'i-helsetjenesten, pa-jobben' }));
    const empty = write('artikler/tom.md', articleSource({ title: '', tags: 'rus,' }));
    const typo = write('artikler/skrivefeil.md', articleSource({ tag: 'rus' }));
    const bad = write('artikler/Stor_Bokstav.md', articleSource({ tags: 'Rus' }));
    const variant = write('unge/tema/under-10.md', `---\ntitle: Tema\nreviewed: 2026-01-15\nsources:${SOURCES}\n---\n`);
    expect(problems()).toEqual([
      `${bad}: file name: "Stor_Bokstav" is not a valid slug (lowercase a-z, 0-9 and single hyphens)`,
      `${bad}: tags: "Rus" is not a valid tag slug`,
      `${section}: sections: unknown section "pa-jobben" (known: i-helsetjenesten, pa-skolen, i-arbeidslivet, for-studenter)`,
      `${typo}: tag: Unrecognized key: "tag"`,
      `${empty}: title: must not be empty`,
      `${empty}: tags: has an empty tag (stray comma?)`,
      `${none}: front matter: is missing (the file must start with a block between two "---" lines)`,
      `${variant}: summary: is required`,
      `${variant}: tags: is required`,
    ]);
  });

  it('reports a file with bad front matter once, not again for every link to it', () => {
    const andre = write('artikler/andre.md', articleSource({ reviewed: 'i går' }));
    expect(problems()).toEqual([`${andre}: reviewed: must be a date YYYY-MM-DD, got "i går"`]);
  });

  it('reports missing files and folders', () => {
    fs.rmSync(path.join(dir, 'unge/brukeravtale.md'));
    fs.rmSync(path.join(dir, 'artikler'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tags.json'), '[{"slug": "rus", "name": "Rus", "description": "x"}, {"slug": "rus", "name": "R", "description": "y"}]');
    expect(problems()).toEqual([
      `${path.join(dir, 'tags.json')}: slug: tag "rus" is listed twice`,
      `${path.join(dir, 'artikler')}: folder: is missing`,
      `${path.join(dir, 'unge/brukeravtale.md')}: file: is missing`,
    ]);
  });

  it('throws every problem at once as one ContentError', () => {
    write('artikler/x.md', articleSource({ tags: 'foo', reviewed: '2026-1-5' }));
    write('artikler/y.md', articleSource({ tags: 'foo' }, '[Brutt](/ingensteds)'));
    fs.rmSync(path.join(dir, 'unge/tema/14-18.md'));
    let error: unknown;
    try {
      loadContent(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const { problems: list, message } = error as ContentError;
    expect(list).toHaveLength(4);
    expect(list.every((p) => p.startsWith(dir))).toBe(true);
    expect(message).toContain('4 problems in the content files');
    expect(message).toContain(`- ${path.join(dir, 'artikler/x.md')}: reviewed: must be a date YYYY-MM-DD, got "2026-1-5"`);
    expect(message).toContain(`- ${path.join(dir, 'artikler/y.md')}: tags: unknown tag "foo"`);
    expect(message).toContain(`- ${path.join(dir, 'artikler/y.md')}: body: broken link "/ingensteds": unknown path`);
    expect(message).toContain(`- ${path.join(dir, 'unge/tema/14-18.md')}: band: age band "14-18" is missing`);
  });
});

describe('internalLinks', () => {
  it('finds links in paragraphs, lists, tables, references and HTML, and skips external ones', () => {
    const md = [
      'Et [avsnitt](/a) og <a href="/b">html</a>.',
      '',
      '- Punkt med [lenke](/c)',
      '',
      '| x |',
      '| - |',
      '| [celle](/d) |',
      '',
      '[Referanse][ref] og <https://example.no> og [e-post](mailto:a@b.no) og [anker](#x) og [//cdn](//cdn.example.no/x).',
      '',
      '[ref]: /e',
    ].join('\n');
    expect(internalLinks(md).sort()).toEqual(['/a', '/b', '/c', '/d', '/e']);
  });
});

describe('the real content folder', () => {
  it('loads without problems', () => {
    const content = loadContent();
    expect(content.articles.length).toBeGreaterThan(0);
    expect(content.youngTopics.length).toBeGreaterThan(0);
    for (const article of content.articles) expect(article.file).toBe(`content/artikler/${article.slug}.md`);
  });
});
