import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readMarkers } from '@/lib/privacy/claim-markers';

/**
 * The claims registry (content/personvern/claims.json) ties each promise of the newest privacy
 * statement to what proves it. A checkable claim names its tests as "file › title", the title
 * as written without its tags; each of those tests carries `@claim:<id>` in its title. A
 * promise no code can check names who answers for it instead.
 *
 * checkSources() reads only files: the statement, the registry and the test sources. The
 * test run's own results are checked by lib/privacy/claims-results.ts.
 */
const registrySchema = z.object({
  claims: z.record(z.string(), z.object({ says: z.string().min(1), tests: z.array(z.string().min(1)) })),
  promises: z.record(z.string(), z.object({ says: z.string().min(1), answers: z.string().min(1) })),
});
export type Registry = z.infer<typeof registrySchema>;

export const REGISTRY_FILE = 'content/personvern/claims.json';
const STATEMENT_DIR = 'content/personvern';
const TEST_DIRS = ['e2e', 'app', 'components', 'db', 'lib', 'scripts', 'content'];
const TAG = /@claim:([a-z0-9]+(?:-[a-z0-9]+)*)/g;

export function readRegistry(root: string): Registry {
  return registrySchema.parse(JSON.parse(fs.readFileSync(path.join(root, REGISTRY_FILE), 'utf8')));
}

/** The newest statement's file, by its version number (v2.md after v1.md). */
export function newestStatementFile(root: string): string {
  const numbered = fs
    .readdirSync(path.join(root, STATEMENT_DIR))
    .map((f) => ({ f, n: Number(/^v(\d+)\.md$/.exec(f)?.[1] ?? NaN) }))
    .filter((x) => Number.isInteger(x.n))
    .sort((a, b) => b.n - a.n);
  if (!numbered[0]) throw new Error('no privacy statement in content/personvern');
  return path.join(STATEMENT_DIR, numbered[0].f);
}

/** A test reference "file › title", split. */
export function splitRef(ref: string): { file: string; title: string } {
  const at = ref.indexOf(' › ');
  return at < 0 ? { file: ref, title: '' } : { file: ref.slice(0, at), title: ref.slice(at + 3) };
}

/** A title as the registry writes it: tags out, spaces as one. */
export function cleanTitle(title: string): string {
  return title.replace(TAG, '').replace(/\s+/g, ' ').trim();
}

type TaggedTest = { file: string; title: string; claims: string[] };

/** Every test title in the sources that carries a claim tag, as written (a template keeps its ${…}). */
function taggedTests(root: string): TaggedTest[] {
  const found: TaggedTest[] = [];
  const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (const file of testFiles(root)) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of source.matchAll(literal)) {
      const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
      const claims = [...text.matchAll(TAG)].map((t) => t[1]!);
      if (claims.length > 0) found.push({ file, title: cleanTitle(text), claims });
    }
  }
  return found;
}

function testFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(path.join(root, dir))) return;
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(rel);
      else if (/\.(test|spec)\.tsx?$/.test(entry.name)) files.push(rel);
    }
  };
  for (const dir of TEST_DIRS) walk(dir);
  return files;
}

/**
 * What the files say is wrong, as sentences for the person who must fix it: a sentence without
 * an id, an id the registry lacks or has too many of, a named test that does not exist or does
 * not carry its tag, a tag no registry entry names.
 */
export function checkSources(root: string): string[] {
  const problems: string[] = [];
  const statement = newestStatementFile(root);
  const registry = readRegistry(root);
  const { markers, problems: unmarked } = readMarkers(fs.readFileSync(path.join(root, statement), 'utf8'));
  for (const p of unmarked) problems.push(`${statement}, «${p.section}»: setning uten merke: «${p.sentence}»`);

  const used = { claim: new Set<string>(), promise: new Set<string>() };
  for (const m of markers) used[m.kind].add(m.id);
  for (const id of used.claim) if (!registry.claims[id]) problems.push(`claim:${id} står i ${statement}, men ikke i ${REGISTRY_FILE}`);
  for (const id of used.promise) if (!registry.promises[id]) problems.push(`promise:${id} står i ${statement}, men ikke i ${REGISTRY_FILE}`);
  for (const id of Object.keys(registry.claims)) if (!used.claim.has(id)) problems.push(`${REGISTRY_FILE}: claim ${id} brukes ikke i ${statement}`);
  for (const id of Object.keys(registry.promises)) if (!used.promise.has(id)) problems.push(`${REGISTRY_FILE}: promise ${id} brukes ikke i ${statement}`);

  const tagged = taggedTests(root);
  for (const [id, claim] of Object.entries(registry.claims)) {
    if (claim.tests.length === 0) problems.push(`claim ${id}: ${REGISTRY_FILE} nevner ingen test som beviser den`);
    for (const ref of claim.tests) {
      const { file, title } = splitRef(ref);
      if (!fs.existsSync(path.join(root, file))) {
        problems.push(`claim ${id}: testfilen ${file} finnes ikke`);
        continue;
      }
      const test = tagged.find((t) => t.file === file && t.title === title);
      if (!test) problems.push(`claim ${id}: fant ingen test «${title}» med en @claim-merkelapp i ${file}`);
      else if (!test.claims.includes(id)) problems.push(`claim ${id}: testen «${title}» i ${file} mangler @claim:${id}`);
    }
  }
  for (const t of tagged) {
    for (const id of t.claims) {
      const listed = registry.claims[id]?.tests.some((ref) => ref === `${t.file} › ${t.title}`);
      if (!listed) problems.push(`${t.file}: testen «${t.title}» har @claim:${id}, men ${REGISTRY_FILE} nevner den ikke under ${id}`);
    }
  }
  return problems;
}
