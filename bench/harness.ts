import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** CI runs every benchmark once with a tiny load so that it can't rot; numbers are kept only from full runs. */
export const quick = process.env.CI === 'true' || process.env.BENCH_QUICK === '1';

/** One measured row: a candidate and the baseline it is compared with, measured in the same run. */
export interface BenchRow {
  name: string;
  unit: string;
  value: number;
  baseline: { name: string; value: number };
  /** Whether bigger is better for this unit (ops/s) or smaller (ms, bytes). */
  higherIsBetter: boolean;
  /** The target as a ratio against the baseline, where one is set. */
  target?: string;
  pass?: boolean;
}

/** Runs `fn` repeatedly for about `ms` and returns operations per second. */
export function opsPerSecond(fn: () => void, ms = quick ? 20 : 1000): number {
  for (let i = 0; i < 1000; i++) fn(); // warm-up so the JIT compares like with like
  let ops = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < 100; i++) fn();
    ops += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return ops / (Number(elapsed) / 1e9);
}

/**
 * Prints the rows as a table of ratios and keeps them as JSON under bench/results/ (full runs only). `notes`
 * say what the rows can't (a row skipped and why, what a number includes); they are printed and kept too.
 */
export function report(suite: string, rows: BenchRow[], notes: string[] = []): void {
  console.log(`\n${suite}${quick ? ' (quick run: numbers not kept)' : ''}`);
  console.table(
    rows.map((r) => ({
      benchmark: r.name,
      value: `${round(r.value)} ${r.unit}`,
      baseline: `${r.baseline.name}: ${round(r.baseline.value)} ${r.unit}`,
      ratio: round(r.value / r.baseline.value),
      target: r.target ?? '',
      pass: r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
    })),
  );
  for (const note of notes) console.log(`note: ${note}`);
  if (quick) return;
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const record = {
    suite,
    measuredAt: new Date().toISOString(),
    node: process.version,
    rows,
    ...(notes.length > 0 ? { notes } : {}),
  };
  writeFileSync(`${dir}${suite}.json`, `${JSON.stringify(record, null, 2)}\n`);
}

function round(n: number): number {
  return n >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}
