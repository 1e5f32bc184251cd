import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { osloIsoDate } from '@/lib/dates';
import { checkSources, readRegistry } from '@/lib/privacy/claims-registry';
import { checkResults, playwrightResults, vitestResults } from '@/lib/privacy/claims-results';
import { PROOF_FILE, type Proof } from '@/lib/privacy/proof';

/**
 * `tsx scripts/claims.ts --unit unit.json --e2e e2e.json`, run by `npm test` after the
 * end-to-end tests: checks that every checkable claim of the newest privacy statement has tests
 * that exist, carry its tag, ran and passed. When all did, it writes the day they were proved
 * into content/personvern/proof.json, which /apenhet shows (commit it with the release).
 * Exits 1 with one line per problem otherwise.
 */
const { values } = parseArgs({ options: { unit: { type: 'string' }, e2e: { type: 'string' } } });
const root = process.cwd();

const readJson = (file: string | undefined) => {
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

const problems = checkSources(root);
const unit = readJson(values.unit);
const e2e = readJson(values.e2e);
if (!unit) problems.push('fant ingen resultater fra enhetstestene (--unit)');
if (!e2e) problems.push('fant ingen resultater fra ende-til-ende-testene (--e2e)');
const registry = readRegistry(root);
if (unit && e2e) problems.push(...checkResults(registry, [...vitestResults(root, unit), ...playwrightResults(root, e2e)]));

if (problems.length > 0) {
  console.log(`claims: ${problems.length} problem(s)`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exit(1);
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head}+` : head;
  } catch {
    return 'ukjent';
  }
}

const today = osloIsoDate(new Date());
const proof: Proof = { provedOn: today, commit: commit(), claims: Object.fromEntries(Object.keys(registry.claims).sort().map((id) => [id, today])) };
fs.writeFileSync(path.join(root, PROOF_FILE), `${JSON.stringify(proof, null, 2)}\n`);
console.log(`claims: all ${Object.keys(registry.claims).length} checkable claims proved; ${Object.keys(registry.promises).length} promises answered for by people; wrote ${PROOF_FILE}`);
