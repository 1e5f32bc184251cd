import { describe, expect, it } from 'vitest';
import { sections } from '@/content/sections';
import { chatIslandScript, isChatDocument, isDocumentPath, islandScripts, isYoungDocument, withChatIsland, withoutFrameworkScripts, withYoungIsland, youngIslandScript } from './document-pages';

describe('isDocumentPath', () => {
  const section = sections[0]!.slug;
  it.each(['/', '/unge', '/unge/nar-noen-dor', '/unge/sok', '/personvern', '/personvern/endringer', '/personvern/versjoner', '/personvern/versjoner/2', '/apenhet', '/sok', '/tema/sorg', '/kontakt', '/kurs', '/kurs/mestring-for-parorende', `/${section}`, `/${section}/en-artikkel`])(
    '%s is a document',
    (path) => expect(isDocumentPath(path, false)).toBe(true),
  );

  it.each(['/kontakt/x', '/chat', '/chat/api/avslutt', '/staff', '/staff/henvendelser', '/api/health', '/kurs/bestilling', '/kurs/bestilling/abc', '/kurs/betaling', '/kurs/et-kurs/pamelding/1', '/ukjent', `/${section}/a/b`, `/${section}/`, '/_next/static/x.js'])(
    '%s keeps Next\'s scripts',
    (path) => expect(isDocumentPath(path, false)).toBe(false),
  );

  it('the root of the children\'s own host is a children\'s document', () => {
    expect(isDocumentPath('/', true)).toBe(true);
    expect(isYoungDocument('/', true)).toBe(true);
    expect(isYoungDocument('/', false)).toBe(false);
    expect(isYoungDocument('/unge/sok', false)).toBe(true);
    expect(isYoungDocument('/ungdom', false)).toBe(false);
  });

  it('the chat\'s page is a document of its own, its handlers are not', () => {
    expect(isChatDocument('/chat')).toBe(true);
    for (const path of ['/chat/', '/chat/api/samtale', '/chatten', '/unge/chat']) expect(isChatDocument(path), path).toBe(false);
  });
});

describe('withoutFrameworkScripts', () => {
  const page =
    '<html><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/><link rel="modulepreload" href="/c.js"/>' +
    '<script src="/_next/static/chunks/b.js" async=""></script><script src="/p.js" noModule=""></script>' +
    '<script type="application/ld+json">{"@type":"Article"}</script></head>' +
    '<body><main><h1>Sorg</h1><a href="/unge">Temaer</a></main>' +
    '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>' +
    '<script>self.__next_f.push([1,"x"])</script><script type="module">import "/d.js"</script></body></html>';

  it('leaves no script that runs and no hint to fetch one, and the rest as it was', () => {
    const plain = withoutFrameworkScripts(page);
    expect(plain).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(plain).not.toContain('.js');
    expect(plain).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>');
    expect(plain).toContain('<script type="application/ld+json">{"@type":"Article"}</script>');
    expect(plain).toContain('<body><main><h1>Sorg</h1><a href="/unge">Temaer</a></main></body>');
  });

  it('puts the island last in the <head>, where it runs before the body is drawn', () => {
    const young = withYoungIsland(withoutFrameworkScripts(page), 'youngIsland({})');
    expect(young).toContain('<script>youngIsland({})</script></head><body>');
  });
});

describe('withChatIsland', () => {
  it('puts the chat\'s island last in the <body>, after the panel it fills in', () => {
    const chat = withChatIsland('<html><head></head><body><section data-chat="klar"></section></body></html>', 'chatIsland({"a":"$&"})');
    expect(chat).toBe('<html><head></head><body><section data-chat="klar"></section><script>chatIsland({"a":"$&"})</script></body></html>');
  });
});

describe('chatIslandScript', () => {
  it('is the chat\'s island with its words, in ASCII, which cannot close the script element', () => {
    const script = chatIslandScript();
    expect(script).toMatch(/^function chatIsland\(config\) \{/);
    expect(script).toContain('"start":"Start chat"');
    expect(script).toContain('"waiting":"Du venter p\\u00e5 svar"');
    expect(script).toMatch(/\nchatIsland\(\{"words":\{"chat":"Samtale",.+\}\}\);$/);
    expect(script).not.toMatch(/<\/script/i);
    expect(script).not.toMatch(/^\s*\/\//m);
    expect(script).toMatch(/^[\x00-\x7e]*$/);
    // A few KB, so it costs the page little over the wire (with the waiting outlook and the
    // survey after a chat, about 11 KB raw; e2e/page-weight.spec.ts holds it under 6 KB compressed).
    expect(script.length).toBeLessThan(12_000);
    expect(script).not.toMatch(/^[ \t]/m);
    expect(islandScripts()).toEqual([youngIslandScript(), script]);
  });
});

describe('youngIslandScript', () => {
  it('is the island with its settings, which cannot close the script element', () => {
    const script = youngIslandScript();
    expect(script).toMatch(/^function youngIsland\(config\) \{/);
    expect(script).toMatch(/youngIsland\(\{"exit":"[^"]+","storageKey":"hjelpelinje\.alder","bands":\["under-10","10-13","14-18"\],"sections":\["\/unge","\/chat"\]\}\);$/);
    expect(script).not.toMatch(/<\/script/i);
    expect(script).not.toMatch(/^\s*\/\//m);
  });
});
