import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createBff, createLogger, Store } from '@mandarin-kit/bff';
import { DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { type BenchRow, opsPerSecond, quick, report } from './harness.js';
import { pacedLatencies } from './httpClient.js';
import { onboard } from './onboard.js';
import { type ServerProcess, startServer } from './processes.js';

// What operations cost on the hot read path: CPU time of the BFF process per balance read, from /proc/<pid>/stat,
// at one fixed paced rate, with Prometheus metrics on and off (and with tracing on through @opentelemetry/api
// but no SDK registered, as a host that installs the API and nothing else runs it). Same process setup as the
// bff-proxy suite: emulator and each BFF in their own processes.

const RATE = quick ? 50 : 300;
const SECONDS = quick ? 1 : 6;
/** Many short rounds: on a shared box one run's CPU figure swings by ±30%, the median of seven much less. */
const ROUNDS = quick ? 1 : 7;
const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim());

const emulator = await startServer('emulator');
const variants = {
  off: await startServer('bff', [emulator.url, 'none']),
  metrics: await startServer('bff', [emulator.url, 'metrics']),
  tracing: await startServer('bff', [emulator.url, 'tracing']),
};
try {
  const targets = {} as Record<keyof typeof variants, { url: string; headers: Record<string, string> }>;
  for (const [name, server] of Object.entries(variants) as Array<[keyof typeof variants, ServerProcess]>) {
    const { cookie, walletId } = await onboard(server.url, emulator.url, 'bench-ops-wallet-0001');
    targets[name] = { url: `${server.url}/api/wallets/${walletId}/balance`, headers: { cookie } };
    await pacedLatencies(targets[name].url, { cookie }, RATE, quick ? 0.2 : 5); // warm-up: JIT, token cache
  }
  const perRead: Record<keyof typeof variants, number[]> = { off: [], metrics: [], tracing: [] };
  const order = Object.keys(variants) as Array<keyof typeof variants>;
  for (let round = 0; round < ROUNDS; round++) {
    // Rotated each round, so that drift on a shared box hits every variant alike.
    for (const name of [...order.slice(round % 3), ...order.slice(0, round % 3)]) {
      const pid = variants[name].child.pid!;
      const before = cpuSeconds(pid);
      const { latencies, errors } = await pacedLatencies(
        targets[name].url,
        targets[name].headers,
        RATE,
        SECONDS,
      );
      const used = cpuSeconds(pid) - before;
      if (errors > 0) throw new Error(`${errors} balance reads failed (${name})`);
      perRead[name].push((used * 1e6) / latencies.length);
    }
  }
  const off = median(perRead.off);
  const recording = await recordingCost();
  const rows: BenchRow[] = [
    {
      name: 'BFF CPU per balance read, metrics on',
      unit: 'µs',
      value: median(perRead.metrics),
      baseline: { name: 'metrics and tracing off', value: off },
      higherIsBetter: false,
    },
    {
      name: 'BFF CPU per balance read, tracing on (API only, no SDK)',
      unit: 'µs',
      value: median(perRead.tracing),
      baseline: { name: 'metrics and tracing off', value: off },
      higherIsBetter: false,
    },
  ];
  rows.push({
    name: 'metrics recorded per balance read, in process (one request, one upstream attempt)',
    unit: 'µs',
    value: recording,
    baseline: { name: 'BFF CPU per balance read, metrics off', value: off },
    higherIsBetter: false,
  });
  report('ops-metrics', rows, [
    `${RATE} balance reads/s for ${SECONDS} s per variant, median of ${ROUNDS} rotated rounds`,
    `CPU = utime + stime of the BFF process from /proc/<pid>/stat (${TICKS_PER_SECOND} ticks/s)`,
    `per round (µs): off ${fmt(perRead.off)}; metrics ${fmt(perRead.metrics)}; tracing ${fmt(perRead.tracing)}`,
    'no scrape during the runs: a Prometheus scrape every 15 s costs the scrape, not each read',
  ]);
} finally {
  for (const server of Object.values(variants)) await server.stop();
  await emulator.stop();
}

/**
 * What a balance read adds with metrics on, measured where the process-level figure is too noisy to: the request
 * and the upstream attempt it causes, recorded in the app's own registry (counters and histograms).
 */
async function recordingCost(): Promise<number> {
  const store = await Store.openSqlite(':memory:');
  const nowhere = 'http://127.0.0.1:1';
  const app = createBff({
    store,
    mandarin: {
      baseUrls: { oauth: nowhere, esp: nowhere, classic: nowhere, routing: nowhere, accounts: nowhere },
      ...DEFAULT_CREDENTIALS,
      timeoutMs: 1000,
    },
    sessionSecret: 'bench-session-secret-0123456789abcdef',
    logger: createLogger({ level: 'silent' }),
    metrics: true,
    tracing: false,
    reconcile: false,
  });
  const metrics = app.ops.metrics!;
  let i = 0;
  const perSecond = opsPerSecond(() => {
    i++;
    metrics.request('GET', '/api/wallets/:walletId/balance', 200, (i % 50) / 10_000);
    metrics.upstreamAttempt('espBalance', 'ok', (i % 30) / 10_000);
  });
  await app.close();
  return 1e6 / perSecond;
}

function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name and state.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fmt(values: number[]): string {
  return values.map((v) => v.toFixed(0)).join(', ');
}
