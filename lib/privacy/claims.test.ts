import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMarkers, sentences, stripMarkers } from '@/lib/privacy/claim-markers';
import { checkSources, newestStatementFile, readRegistry, REGISTRY_FILE, splitRef } from '@/lib/privacy/claims-registry';
import { checkResults, type TestResult } from '@/lib/privacy/claims-results';

const root = process.cwd();
const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The statements, the registry and every test source, copied to a folder of the test's own. */
function scratchCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-claims-'));
  scratch.push(dir);
  for (const top of ['e2e', 'app', 'components', 'db', 'lib', 'scripts', 'content']) {
    fs.cpSync(path.join(root, top), path.join(dir, top), {
      recursive: true,
      filter: (src) => fs.statSync(src).isDirectory() || /\.(test|spec)\.tsx?$/.test(src) || src.includes(`${path.sep}personvern${path.sep}`),
    });
  }
  return dir;
}

describe('the claims registry', () => {
  it('covers every claim of the newest statement: each has tests that exist and carry its tag', () => {
    expect(checkSources(root)).toEqual([]);
  });

  it('fails when one test loses its claim tag', () => {
    const dir = scratchCopy();
    const [id, claim] = Object.entries(readRegistry(dir).claims).find(([, c]) => c.tests.length > 0)!;
    const { file } = splitRef(claim.tests[0]!);
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    expect(source).toContain(`@claim:${id}`);
    fs.writeFileSync(path.join(dir, file), source.replaceAll(` @claim:${id}`, '').replaceAll(`@claim:${id}`, ''));
    expect(checkSources(dir).join('\n')).toContain(`claim ${id}:`);
  });

  it('fails when a sentence in a claims section has no id, and names the sentence', () => {
    const dir = scratchCopy();
    const file = path.join(dir, newestStatementFile(dir));
    const text = fs.readFileSync(file, 'utf8').replace('## Kontaktskjemaet\n', '## Kontaktskjemaet\n\nVi lover noe ingen test sjekker.\n');
    fs.writeFileSync(file, text);
    expect(checkSources(dir)).toContainEqual(expect.stringContaining('«Vi lover noe ingen test sjekker.»'));
  });

  it('fails when the registry names a test that is not there, or a tag names a claim it does not list', () => {
    const dir = scratchCopy();
    const registry = JSON.parse(fs.readFileSync(path.join(dir, REGISTRY_FILE), 'utf8'));
    const [id, claim] = Object.entries(registry.claims as Record<string, { tests: string[] }>).find(([, c]) => c.tests.length > 0)!;
    const moved = claim.tests[0]!;
    claim.tests[0] = `${splitRef(moved).file} › a test nobody wrote`;
    fs.writeFileSync(path.join(dir, REGISTRY_FILE), JSON.stringify(registry));
    const problems = checkSources(dir).join('\n');
    expect(problems).toContain(`claim ${id}: fant ingen test «a test nobody wrote»`);
    expect(problems).toContain(`har @claim:${id}, men ${REGISTRY_FILE} nevner den ikke`);
  });
});

describe('markers in the statement', () => {
  it('are gone from what readers get', () => {
    expect(stripMarkers('Vi lagrer ingenting. <!-- claim:a -->\n\n\n\n- Punkt <!-- promise:b -->')).toBe('Vi lagrer ingenting.\n\n- Punkt');
  });

  it('cover the sentence before them; an earlier sentence in the same stretch has none', () => {
    const { markers, problems } = readMarkers('## Del\n\nFørste setning. Andre setning. <!-- claim:a -->\n');
    expect(markers).toEqual([{ kind: 'claim', id: 'a' }]);
    expect(problems).toEqual([{ section: 'Del', sentence: 'Første setning.' }]);
  });

  it('may be left out of a part marked as explanation, and a word that is no id is an error', () => {
    const text = '## Ord\n<!-- forklaring -->\n\nDette forklarer bare.\n\n## Løfter\n\nVi lover. <!-- claim:a løfte -->\n';
    expect(readMarkers(text).problems).toEqual([{ section: 'Løfter', sentence: 'ukjent merke «løfte»' }]);
  });

  it('split sentences where a reader would, not at a colon or an abbreviation', () => {
    expect(sentences('**Sletting:** Tre måneder, f.eks. når det passer. Så [mer](/x)! 30 dager?')).toEqual([
      'Sletting: Tre måneder, f.eks. når det passer.',
      'Så mer!',
      '30 dager?',
    ]);
  });
});

describe('the run’s results', () => {
  const registry = { claims: { a: { says: 'A', tests: ['e2e/x.spec.ts › choosing ${band} works'] } }, promises: {} };
  const run = (...results: Partial<TestResult>[]) => results.map((r) => ({ file: 'e2e/x.spec.ts', title: `choosing 10-13 works ${'@'}claim:a`, status: 'passed' as const, ...r }));

  it('prove a claim when a named test passed somewhere and failed nowhere; a template title matches what ran', () => {
    expect(checkResults(registry, run({}, { status: 'skipped' }))).toEqual([]);
  });

  it('do not prove it when the test was skipped everywhere, failed, or did not run', () => {
    expect(checkResults(registry, run({ status: 'skipped' }))).toEqual(['claim a: «choosing ${band} works» (e2e/x.spec.ts) ble hoppet over']);
    expect(checkResults(registry, run({}, { status: 'failed' }))).toEqual(['claim a: «choosing ${band} works» (e2e/x.spec.ts) feilet']);
    expect(checkResults(registry, run({ title: 'something else' }))).toEqual(['claim a: «choosing ${band} works» (e2e/x.spec.ts) kjørte ikke']);
  });
});
