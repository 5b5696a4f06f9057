import autocannon from 'autocannon';
import { type BenchRow, quick, report } from './harness.js';
import { pacedLatencies, percentile } from './httpClient.js';
import { onboard } from './onboard.js';
import { cpuMs, startServer } from './processes.js';

// The BFF's cost on the hot read path: a balance read through the BFF (session cookie, owner check, cached
// token, schema validation, the access line at the default `info` level) against the same read straight to the
// emulator and through bare forwarders (node:http server; node:http or undici client). Targets (issue 21): CPU
// per request at a fixed paced rate ≤ 1.4× the undici forwarder's, peak ≥ 0.70 of the forwarder's, ≤ 2 ms
// more p99 at half of its own peak load. A one-middleware Koa relay is measured too: the floor Koa sets.

const duration = quick ? 1 : 10;
const connections = quick ? 4 : 50;
const ROUNDS = quick ? 1 : 3;
/** The fixed rate at which CPU per request is read from /proc: well below every target's peak on this box. */
const CPU_RATE = quick ? 50 : 700;
const CPU_SECONDS = quick ? 1 : 8;

const emulator = await startServer('emulator');
const bff = await startServer('bff', [emulator.url]);
try {
  const { cookie, walletId } = await onboard(bff.url, emulator.url);
  const token = await accessToken(emulator.url);
  const balancePath = `/api/v1/tokens/${walletId}/wallet/balance`;
  const forwarder = await startServer('forwarder', [emulator.url, balancePath, token, '777']);
  const undiciForwarder = await startServer('undici-forwarder', [emulator.url, balancePath, token, '777']);
  const koaForwarder = await startServer('koa-forwarder', [emulator.url, balancePath, token, '777']);
  try {
    const targets = {
      bff: { url: `${bff.url}/api/wallets/${walletId}/balance`, headers: { cookie } },
      emulator: {
        url: `${emulator.url}${balancePath}`,
        headers: { authorization: `Bearer ${token}`, mid: '777' },
      },
      forwarder: { url: `${forwarder.url}/balance`, headers: {} },
      undiciForwarder: { url: `${undiciForwarder.url}/balance`, headers: {} },
      koaForwarder: { url: `${koaForwarder.url}/balance`, headers: {} },
    };
    await load(targets.bff, 1); // warm-up: JIT, token cache, prepared statements
    // Four processes share this box's cores, so one pass swings by ±25%. Targets are measured in rounds that
    // alternate between them (so drift hits all alike), and each figure is the median of its rounds.
    type Result = Awaited<ReturnType<typeof load>>;
    type Paced = Awaited<ReturnType<typeof paced>>;
    const pids = {
      bff: bff.child.pid!,
      forwarder: forwarder.child.pid!,
      undiciForwarder: undiciForwarder.child.pid!,
    };
    type CpuTarget = keyof typeof pids;
    const rounds: Array<{
      peak: Record<keyof typeof targets, Result>;
      half: { rate: number; bff: Paced; forwarder: Paced };
      cpu: Record<CpuTarget, number>;
    }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const peakRound = {
        bff: await load(targets.bff, duration),
        emulator: await load(targets.emulator, duration),
        forwarder: await load(targets.forwarder, duration),
        undiciForwarder: await load(targets.undiciForwarder, duration),
        koaForwarder: await load(targets.koaForwarder, duration),
      };
      const halfRate = Math.max(1, Math.floor(peakRound.bff.rps / 2));
      // Which of the two goes first alternates, so that neither always inherits the peak runs' aftermath.
      const first = round % 2 === 0 ? 'bff' : 'forwarder';
      const second = first === 'bff' ? 'forwarder' : 'bff';
      const half = { rate: halfRate } as { rate: number; bff: Paced; forwarder: Paced };
      half[first] = await paced(targets[first], duration, halfRate);
      half[second] = await paced(targets[second], duration, halfRate);
      // CPU per request at one fixed rate, the three targets in an order that rotates each round.
      const order: CpuTarget[] = (['bff', 'forwarder', 'undiciForwarder'] as const).map(
        (_, i, all) => all[(i + round) % all.length]!,
      );
      const cpu = {} as Record<CpuTarget, number>;
      for (const name of order) cpu[name] = await cpuPerRequest(targets[name], pids[name]);
      rounds.push({ peak: peakRound, half, cpu });
    }
    const medianOf = (pick: (r: (typeof rounds)[number]) => number) => median(rounds.map(pick));
    const peak = {
      bff: { rps: medianOf((r) => r.peak.bff.rps), p99: medianOf((r) => r.peak.bff.p99) },
      emulator: { rps: medianOf((r) => r.peak.emulator.rps) },
      forwarder: { rps: medianOf((r) => r.peak.forwarder.rps), p99: medianOf((r) => r.peak.forwarder.p99) },
      undiciForwarder: { rps: medianOf((r) => r.peak.undiciForwarder.rps) },
      koaForwarder: { rps: medianOf((r) => r.peak.koaForwarder.rps) },
    };
    const rate = Math.round(medianOf((r) => r.half.rate));
    const half = {
      bff: { p99: medianOf((r) => r.half.bff.p99) },
      forwarder: { p99: medianOf((r) => r.half.forwarder.p99) },
    };
    // Judged on the median of the per-round figures: each round pairs the BFF with the forwarder under the
    // same conditions, whereas a ratio of separate medians can pair a good BFF round with a bad forwarder one.
    const throughputRatio = medianOf((r) => r.peak.bff.rps / r.peak.forwarder.rps);
    const undiciThroughputRatio = medianOf((r) => r.peak.bff.rps / r.peak.undiciForwarder.rps);
    const cpu = {
      bff: medianOf((r) => r.cpu.bff),
      forwarder: medianOf((r) => r.cpu.forwarder),
      undiciForwarder: medianOf((r) => r.cpu.undiciForwarder),
    };
    const cpuRatio = medianOf((r) => r.cpu.bff / r.cpu.undiciForwarder);
    const cpuRatioHttp = medianOf((r) => r.cpu.bff / r.cpu.forwarder);
    const addedP99 = medianOf((r) => r.half.bff.p99 - r.half.forwarder.p99);
    const rows: BenchRow[] = [
      {
        name: `BFF balance read, CPU per request at ${CPU_RATE} req/s (info logging)`,
        unit: 'µs',
        value: cpu.bff,
        baseline: { name: 'bare undici forwarder', value: cpu.undiciForwarder },
        higherIsBetter: false,
        target: `${cpuRatio.toFixed(2)}× per round, ≤ 1.4×`,
        pass: cpuRatio <= 1.4,
      },
      {
        name: `BFF balance read, CPU per request at ${CPU_RATE} req/s (info logging)`,
        unit: 'µs',
        value: cpu.bff,
        baseline: { name: 'bare node:http forwarder', value: cpu.forwarder },
        higherIsBetter: false,
        target: `${cpuRatioHttp.toFixed(2)}× per round`,
      },
      {
        name: 'BFF balance read, peak',
        unit: 'req/s',
        value: peak.bff.rps,
        baseline: { name: 'bare undici forwarder', value: peak.undiciForwarder.rps },
        higherIsBetter: true,
        target: `${undiciThroughputRatio.toFixed(2)} per round, ≥ 0.70`,
        pass: undiciThroughputRatio >= 0.7,
      },
      {
        name: 'BFF balance read, peak',
        unit: 'req/s',
        value: peak.bff.rps,
        baseline: { name: 'bare node:http forwarder', value: peak.forwarder.rps },
        higherIsBetter: true,
        target: `${throughputRatio.toFixed(2)} per round, ≥ 0.70`,
        pass: throughputRatio >= 0.7,
      },
      {
        name: 'emulator direct, peak',
        unit: 'req/s',
        value: peak.emulator.rps,
        baseline: { name: 'bare node:http forwarder', value: peak.forwarder.rps },
        higherIsBetter: true,
      },
      {
        name: 'framework floor: one-middleware Koa relay, peak',
        unit: 'req/s',
        value: peak.koaForwarder.rps,
        baseline: { name: 'bare node:http forwarder', value: peak.forwarder.rps },
        higherIsBetter: true,
      },
      {
        name: `BFF p99 at ${rate} req/s (half peak)`,
        unit: 'ms',
        value: half.bff.p99,
        baseline: { name: 'forwarder p99 at the same rate', value: half.forwarder.p99 },
        higherIsBetter: false,
        target: `+${addedP99.toFixed(2)} ms per round, ≤ +2 ms`,
        pass: addedP99 <= 2,
      },
      {
        name: 'BFF p99 at peak',
        unit: 'ms',
        value: peak.bff.p99,
        baseline: { name: 'forwarder p99 at its peak', value: peak.forwarder.p99 },
        higherIsBetter: false,
      },
    ];
    const notes = [
      `median of ${ROUNDS} alternating rounds of ${duration} s, ${connections} connections`,
      `CPU per request: user + system time of the server process from /proc over ${CPU_SECONDS} s at ${CPU_RATE} req/s (evenly spaced), after ${quick ? 0.2 : 2} s unrecorded; the three servers take turns going first`,
      `per round, BFF CPU per request (µs) / undici forwarder / node:http forwarder: ${rounds.map((r) => `${Math.round(r.cpu.bff)}/${Math.round(r.cpu.undiciForwarder)}/${Math.round(r.cpu.forwarder)}`).join(', ')}`,
      `per round, BFF/forwarder peak: ${rounds.map((r) => (r.peak.bff.rps / r.peak.forwarder.rps).toFixed(2)).join(', ')}`,
      `per round, added p99 at half peak (ms): ${rounds.map((r) => (r.half.bff.p99 - r.half.forwarder.p99).toFixed(2)).join(', ')}`,
      'half-peak p99: evenly spaced open-loop requests, timed from when each was due; autocannon with a rate',
      "sends each second's share in one burst and back-fills latencies on a 1 ms expected interval, so its",
      'p99 measured the burst, not half load',
      'each paced run follows an unrecorded 2 s at the same rate; BFF and forwarder take turns going first',
    ];
    report('bff-proxy', rows, notes);
    const errors = rounds.reduce((n, r) => n + r.peak.bff.errors + r.half.bff.errors, 0);
    if (errors > 0) throw new Error(`${errors} BFF requests failed under load`);
  } finally {
    await forwarder.stop();
    await undiciForwarder.stop();
    await koaForwarder.stop();
  }
} finally {
  await bff.stop();
  await emulator.stop();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * p99 at a steady rate: evenly spaced requests, each timed from when it was due. A short unrecorded run at
 * the same rate comes first, so the figure is the steady state at that load, not the backlog (sockets,
 * garbage) that the preceding peak run left in every process on the box.
 */
async function paced(
  target: { url: string; headers: Record<string, string> },
  seconds: number,
  rate: number,
): Promise<{ p99: number; errors: number }> {
  await pacedLatencies(target.url, target.headers, rate, quick ? 0.2 : 2, connections);
  const { latencies, errors } = await pacedLatencies(target.url, target.headers, rate, seconds, connections);
  latencies.sort((a, b) => a - b);
  return { p99: latencies.length === 0 ? Number.NaN : percentile(latencies, 0.99), errors };
}

/** CPU the server process spends per request (µs) while serving `CPU_RATE` evenly spaced requests a second. */
async function cpuPerRequest(
  target: { url: string; headers: Record<string, string> },
  pid: number,
): Promise<number> {
  await pacedLatencies(target.url, target.headers, CPU_RATE, quick ? 0.2 : 2, connections);
  const before = cpuMs(pid);
  const { latencies, errors } = await pacedLatencies(
    target.url,
    target.headers,
    CPU_RATE,
    CPU_SECONDS,
    connections,
  );
  const used = cpuMs(pid) - before;
  if (errors > 0) throw new Error(`${errors} requests failed at ${CPU_RATE} req/s`);
  return (used * 1000) / latencies.length;
}

async function load(
  target: { url: string; headers: Record<string, string> },
  seconds: number,
): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: target.url,
    headers: target.headers,
    connections,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

async function accessToken(emulatorUrl: string): Promise<string> {
  const response = await fetch(`${emulatorUrl}/oauth/token/`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'emulator-client',
      client_secret: 'emulator-client-secret',
      scope: 'payment-tokens:tokens.read',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
