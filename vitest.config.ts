import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Every test file opens small databases of its own: a smaller embedded buffer cache starts
// each about a second sooner (lib/env.ts). Set here, it reaches the global setup and the workers.
process.env.PGLITE_SHARED_BUFFERS ??= '16MB';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Query modules are guarded against client bundles; tests run them on the server side.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['{app,components,db,lib,scripts,content}/**/*.test.ts'],
    environment: 'node',
    // One migrated database of each kind per run; test files get copies (see the file).
    globalSetup: ['test/database-templates.ts'],
    // next-auth imports 'next/server' without an extension; inlined, Vite resolves it.
    server: { deps: { inline: ['next-auth'] } },
    // Vitest leaves one core free by default, which on a two-core machine means one file at a
    // time; most files wait on a database as much as they compute, so use every core.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Worker threads rather than child processes: the same 1,175 tests took 119 s instead of
    // 161 s here, with a third less CPU time (each forked worker starts a whole Node process).
    pool: 'threads',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
