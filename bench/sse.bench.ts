import { FORM, orderIds, signedCallback } from './callbackBodies.js';
import { type BenchRow, quick, report } from './harness.js';
import { customerSessions, inParallel, operatorSessions, request, stats } from './httpClient.js';
import { cpuMs, type ServerProcess, startServer } from './processes.js';
import { checkIngestion, ingest } from './relay.js';
import { openSse, type SseStream } from './sseClient.js';
import { type FleetResult, measureFleet } from './sseFleet.js';

// SSE at scale on one instance: N concurrent streams, each its own operator session and socket, held by one
// BFF process; its RSS (from /proc, after a forced GC) before and after opening them gives memory per
// connection; then one operator-stream callback is sent and timed until every client has its event. The
// baseline is a bare node:http SSE server holding as many streams and writing one frame to all: the floor
// of what a Node process pays per socket and per write. Broadcast times include this process reading N
// sockets (the same for both). Targets: 10 000 clients on one instance, RSS under 1 GiB.
// Fan-out that doesn't grow with idle clients: signed callbacks/s (each an operator-stream event) while N
// customers' streams sit idle on one instance, against an instance alike with none, in alternating rounds of
// one run; CPU per callback from /proc beside it. Target ≥ 0.9.

const N = quick ? 200 : 10_000;
const TARGET_CLIENTS = 10_000;
const MiB = 1024 * 1024;

async function bff(): Promise<FleetResult> {
  const server = await startServer('bff-callbacks', ['sqlite'], ['--expose-gc']);
  try {
    // A session per stream, as N browsers would have; the warm-up streams reuse the first few.
    const cookies = await operatorSessions(server.url, N);
    return await measureFleet(
      {
        server,
        streamUrl: `${server.url}/api/events`,
        headers: (i) => ({ cookie: cookies[i]! }),
        broadcast: async (marker) => {
          const reply = await request(`${server.url}/callbacks/mandarin`, {
            method: 'POST',
            headers: { 'content-type': FORM },
            body: signedCallback(marker),
          });
          if (reply.status !== 200) throw new Error(`broadcast callback: ${reply.status} ${reply.body}`);
        },
      },
      N,
      `broadcast-bff-${Date.now()}`,
    );
  } finally {
    await server.stop();
  }
}

async function bare(): Promise<FleetResult> {
  const server = await startServer('bare-sse', [], ['--expose-gc']);
  try {
    return await measureFleet(
      {
        server,
        streamUrl: `${server.url}/events`,
        headers: () => ({}),
        broadcast: async (marker) => {
          const reply = await request(`${server.url}/broadcast`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ orderId: marker }),
          });
          if (reply.status !== 200) throw new Error(`broadcast: ${reply.status}`);
        },
      },
      N,
      `broadcast-bare-${Date.now()}`,
    );
  } finally {
    await server.stop();
  }
}

/** One fan-out round: callbacks/s, and the server's CPU per callback (µs, /proc). */
interface FanOutRound {
  perSecond: number;
  cpuUs: number;
}

/**
 * Two BFF processes alike, one holding N idle customer streams (each its own user, so an operator-stream
 * callback is nothing to them), one holding none; signed callbacks go to each in turn, the order alternating
 * round by round, so drift on this shared box hits both alike.
 */
async function idleFanOut(): Promise<{ idle: FanOutRound[]; none: FanOutRound[]; held: number }> {
  const idleServer = await startServer('bff-callbacks', ['sqlite']);
  const noneServer = await startServer('bff-callbacks', ['sqlite']);
  const streams: SseStream[] = [];
  try {
    const next = orderIds('idle');
    const amount = quick ? 100 : 6000;
    const round = async (server: ServerProcess, label: string): Promise<FanOutRound> => {
      const before = cpuMs(server.child.pid!);
      const result = await ingest(server.url, {
        connections: 50,
        amount,
        body: () => signedCallback(next()),
      });
      const used = cpuMs(server.child.pid!) - before;
      checkIngestion(label, result, amount);
      return { perSecond: result.perSecond, cpuUs: (used * 1000) / result.ok };
    };
    const cookies = await customerSessions(idleServer.url, N);
    await customerSessions(noneServer.url, N); // the same sessions stored on both
    await inParallel(cookies, 100, async (cookie) => {
      streams.push(await openSse(`${idleServer.url}/api/events`, { cookie }, () => {}));
    });
    const held = (await stats(idleServer.url)).clients!;
    await round(idleServer, 'warm-up');
    await round(noneServer, 'warm-up');
    const idle: FanOutRound[] = [];
    const none: FanOutRound[] = [];
    for (let i = 0; i < (quick ? 1 : 5); i++) {
      if (i % 2 === 0) {
        idle.push(await round(idleServer, `${N} idle streams`));
        none.push(await round(noneServer, 'no streams'));
      } else {
        none.push(await round(noneServer, 'no streams'));
        idle.push(await round(idleServer, `${N} idle streams`));
      }
    }
    const dropped = streams.filter((s) => s.ended).length;
    if (dropped > 0) throw new Error(`${dropped} of ${N} idle SSE streams were dropped during the run`);
    return { idle, none, held };
  } finally {
    for (const stream of streams) stream.close();
    await idleServer.stop();
    await noneServer.stop();
  }
}

const measured = await bff();
const baseline = await bare();
const fanOut = await idleFanOut();
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
// Judged per round (the two servers measured back to back), then the median of the rounds.
const idleRatio = median(fanOut.idle.map((r, i) => r.perSecond / fanOut.none[i]!.perSecond));
const idleCpuRatio = median(fanOut.idle.map((r, i) => r.cpuUs / fanOut.none[i]!.cpuUs));
const mib = (bytes: number) => (bytes / MiB).toFixed(1);
const perConnection = (r: FleetResult) => (r.rssAfter - r.rssBefore) / r.held / 1024;
const rows: BenchRow[] = [
  {
    name: `concurrent SSE clients held by one BFF instance`,
    unit: 'clients',
    value: measured.held,
    baseline: { name: 'bare node:http SSE server', value: baseline.held },
    higherIsBetter: true,
    target: quick ? `all ${N} (quick run)` : `≥ ${TARGET_CLIENTS}`,
    pass: measured.held >= (quick ? N : TARGET_CLIENTS),
  },
  {
    name: `BFF RSS holding ${N} SSE clients`,
    unit: 'MiB',
    value: measured.rssAfter / MiB,
    baseline: { name: 'bare SSE server RSS', value: baseline.rssAfter / MiB },
    higherIsBetter: false,
    target: '< 1024 MiB',
    pass: measured.rssAfter < 1024 * MiB,
  },
  {
    name: 'memory per SSE connection (RSS delta / N)',
    unit: 'KiB',
    value: perConnection(measured),
    baseline: { name: 'bare SSE server', value: perConnection(baseline) },
    higherIsBetter: false,
  },
  {
    name: `broadcast: one callback to all ${N} clients`,
    unit: 'ms',
    value: measured.broadcastMs,
    baseline: { name: 'bare SSE server, one POST to all', value: baseline.broadcastMs },
    higherIsBetter: false,
  },
  {
    name: `signed callbacks/s with ${fanOut.held} idle SSE streams of other users`,
    unit: 'callbacks/s',
    value: median(fanOut.idle.map((r) => r.perSecond)),
    baseline: {
      name: 'a BFF alike with no stream open',
      value: median(fanOut.none.map((r) => r.perSecond)),
    },
    higherIsBetter: true,
    target: `${idleRatio.toFixed(2)} per round, ≥ 0.9`,
    pass: idleRatio >= 0.9,
  },
  {
    name: `CPU per signed callback with ${fanOut.held} idle SSE streams of other users`,
    unit: 'µs',
    value: median(fanOut.idle.map((r) => r.cpuUs)),
    baseline: { name: 'a BFF alike with no stream open', value: median(fanOut.none.map((r) => r.cpuUs)) },
    higherIsBetter: false,
    target: `${idleCpuRatio.toFixed(2)}× per round`,
  },
];
report('sse', rows, [
  `idle fan-out rounds, callbacks/s idle/none: ${fanOut.idle.map((r, i) => `${Math.round(r.perSecond)}/${Math.round(fanOut.none[i]!.perSecond)}`).join(', ')}; CPU µs per callback idle/none: ${fanOut.idle.map((r, i) => `${Math.round(r.cpuUs)}/${Math.round(fanOut.none[i]!.cpuUs)}`).join(', ')}; SQLite, 50 connections`,
  `RSS before opening streams: BFF ${mib(measured.rssBefore)} MiB, bare ${mib(baseline.rssBefore)} MiB`,
  `broadcast to half the clients: BFF ${measured.broadcastHalfMs.toFixed(1)} ms, bare ${baseline.broadcastHalfMs.toFixed(1)} ms`,
]);
