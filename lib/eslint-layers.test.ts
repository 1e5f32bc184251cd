import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Holds eslint.config.mjs to the layering app → components → lib → db: each wrong-way import
 * below must be reported by the rule that forbids it, and each right-way one must pass, so a
 * zone that stops matching (a renamed folder, a resolver that no longer follows `@/`) fails here.
 * The files need not exist: ESLint matches the config by path and resolves the imports.
 */
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const PATHS = 'import/no-restricted-paths';
const DRIZZLE = 'no-restricted-imports';

describe('layer rules in eslint.config.mjs', () => {
  it.each([
    ['db/queries/x.ts', "import '@/lib/jobs/purge';", PATHS],
    ['db/queries/x.ts', "import '@/components/site-header';", PATHS],
    ['db/x.ts', "import '@/app/layout';", PATHS],
    ['lib/crypto/x.ts', "import '@/db/client';", PATHS],
    ['lib/crypto/x.ts', "import '@/lib/clock';", PATHS],
    ['lib/jobs/x.ts', "import '@/components/site-header';", PATHS],
    ['lib/jobs/x.ts', "import '@/app/layout';", PATHS],
    ['components/x.tsx', "import '@/app/layout';", PATHS],
    ['lib/jobs/x.ts', "import 'drizzle-orm';", DRIZZLE],
    ['app/x/route.ts', "import 'drizzle-orm/pg-core';", DRIZZLE],
    ['components/x.tsx', "import 'drizzle-orm';", DRIZZLE],
  ])('%s may not: %s', async (file, code, rule) => {
    expect(await ruleHits(file, code)).toContain(rule);
  });

  it.each([
    ['db/queries/x.ts', "import '@/lib/crypto/seal';"],
    ['db/queries/x.ts', "import 'drizzle-orm';"],
    ['db/x.ts', "import '@/lib/env';"],
    ['lib/crypto/x.ts', "import '@/lib/env';"],
    ['lib/jobs/x.ts', "import '@/db/queries/purge-rules';"],
    ['components/x.tsx', "import '@/lib/dates';"],
    ['app/x/page.tsx', "import '@/components/site-header';"],
    // Tests wire the layers together: a query's test runs the purge to check what it deleted.
    ['db/queries/x.test.ts', "import '@/lib/jobs/purge';"],
  ])('%s may: %s', async (file, code) => {
    expect(await ruleHits(file, code)).toEqual([]);
  });

  it('lists only pure modules that exist', async () => {
    const config = await eslint.calculateConfigForFile(path.join(root, 'db/queries/x.ts'));
    const [, options] = config.rules[PATHS] as [unknown, { zones: { from: string | string[]; except?: string[] }[] }];
    const pure = options.zones.find((z) => z.from === './lib')?.except ?? [];
    expect(pure.length).toBeGreaterThan(0);
    for (const p of pure) expect(fs.existsSync(path.join(root, 'lib', p)), p).toBe(true);
  });
});
