import fs from 'node:fs';

/**
 * Loaded into a benchmarked app instance (`node --expose-gc --import tsx --import
 * ./scripts/bench/memory-probe.ts …`), never into the app itself: on SIGUSR2 it runs a full
 * garbage collection (when --expose-gc gave it one) and writes `process.memoryUsage()` and
 * whether it collected as JSON to BENCH_MEMORY_FILE, so the bench reads memory that is still
 * held rather than garbage not yet collected.
 */
const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ ...process.memoryUsage(), collected: Boolean(gc) }));
    fs.renameSync(tmp, file);
  });
}
