import path from 'node:path';
import { cleanTitle, splitRef, type Registry } from '@/lib/privacy/claims-registry';

/**
 * Whether the test run proved every checkable claim: each test the registry names ran at least
 * once and passed, and never failed. A test that was skipped everywhere proves nothing (on a
 * machine without PostgreSQL some are; the check then says which). Results come from the JSON
 * reports vitest and Playwright write during `npm test`.
 */
type TestStatus = 'passed' | 'failed' | 'skipped';
export type TestResult = { file: string; title: string; status: TestStatus };

type VitestReport = { testResults: { name: string; assertionResults: { title: string; status: string }[] }[] };
type PlaywrightSuite = { file?: string; specs?: { title: string; tests: { status: string }[] }[]; suites?: PlaywrightSuite[] };
type PlaywrightReport = { config: { rootDir: string }; suites: PlaywrightSuite[] };

const vitestStatus = (s: string): TestStatus => (s === 'passed' ? 'passed' : s === 'failed' ? 'failed' : 'skipped');
const playwrightStatus = (s: string): TestStatus => (s === 'expected' || s === 'flaky' ? 'passed' : s === 'skipped' ? 'skipped' : 'failed');

export function vitestResults(root: string, report: VitestReport): TestResult[] {
  return report.testResults.flatMap((file) =>
    file.assertionResults.map((a) => ({ file: path.relative(root, file.name).split(path.sep).join('/'), title: a.title, status: vitestStatus(a.status) })),
  );
}

export function playwrightResults(root: string, report: PlaywrightReport): TestResult[] {
  const results: TestResult[] = [];
  const visit = (suite: PlaywrightSuite, file: string | undefined) => {
    const here = suite.file ?? file;
    for (const spec of suite.specs ?? []) {
      const rel = path.relative(root, path.join(report.config.rootDir, here ?? '')).split(path.sep).join('/');
      for (const t of spec.tests) results.push({ file: rel, title: spec.title, status: playwrightStatus(t.status) });
    }
    for (const child of suite.suites ?? []) visit(child, here);
  };
  for (const suite of report.suites) visit(suite, undefined);
  return results;
}

/** A registry title as a pattern: a template's ${…} stands for whatever the run put there. */
function titleMatcher(title: string): RegExp {
  const parts = title.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`);
}

/** What is wrong with the run, per claim; empty when every claim was proved. */
export function checkResults(registry: Registry, results: TestResult[]): string[] {
  const problems: string[] = [];
  for (const [id, claim] of Object.entries(registry.claims)) {
    for (const ref of claim.tests) {
      const { file, title } = splitRef(ref);
      const matcher = titleMatcher(title);
      const runs = results.filter((r) => r.file === file && matcher.test(cleanTitle(r.title)));
      if (runs.length === 0) problems.push(`claim ${id}: «${title}» (${file}) kjørte ikke`);
      else if (runs.some((r) => r.status === 'failed')) problems.push(`claim ${id}: «${title}» (${file}) feilet`);
      else if (!runs.some((r) => r.status === 'passed')) problems.push(`claim ${id}: «${title}» (${file}) ble hoppet over`);
    }
  }
  return problems;
}
