#!/usr/bin/env node
// Runs every bench/*.bench.ts in its own process (so one suite's heap and JIT state can't skew another),
// against workspace sources. `CI=true` or `BENCH_QUICK=1` runs each once with a tiny load.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();
let failed = 0;
for (const suite of suites) {
  const run = spawnSync(
    process.execPath,
    ['--conditions=@mandarin-kit/source', '--import', 'tsx', `${dir}${suite}`],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) {
    console.error(`bench: ${suite} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
