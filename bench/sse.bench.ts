import { FORM, orderIds, signedCallback } from './callbackBodies.js';
import { type BenchRow, quick, report } from './harness.js';
import { customerSessions, inParallel, operatorSessions, request, stats } from './httpClient.js';
import { startServer } from './processes.js';
import { checkIngestion, ingest } from './relay.js';
import { openSse, type SseStream, waitUntil } from './sseClient.js';
import { type FleetResult, measureFleet } from './sseFleet.js';

// SSE at scale on one instance: N concurrent streams, each its own operator session and socket, held by one
// BFF process; its RSS (from /proc, after a forced GC) before and after opening them gives memory per
// connection; then one operator-stream callback is sent and timed until every client has its event. The
// baseline is a bare node:http SSE server holding as many streams and writing one frame to all: the floor
// of what a Node process pays per socket and per write. Broadcast times include this process reading N
// sockets (the same for both). Targets: 10 000 clients on one instance, RSS under 1 GiB.
// Fan-out that doesn't grow with idle clients: signed callbacks/s (each an operator-stream event) while N
// customers' streams sit idle on the same instance, against the same instance with none, in one run (rounds
// none, N idle, N idle, none). Target ≥ 0.9.

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

/** Callbacks/s on one BFF with no stream open, then with N idle customer streams, then none again (ABBA). */
async function idleFanOut(): Promise<{ none: number[]; idle: number[]; held: number }> {
  const server = await startServer('bff-callbacks', ['sqlite']);
  const streams: SseStream[] = [];
  try {
    const next = orderIds('idle');
    const amount = quick ? 100 : 8000;
    const rate = async (label: string) => {
      const result = await ingest(server.url, {
        connections: 50,
        amount,
        body: () => signedCallback(next()),
      });
      checkIngestion(label, result, amount);
      return result.perSecond;
    };
    await rate('warm-up');
    const cookies = await customerSessions(server.url, N);
    const none = [await rate('no streams')];
    await inParallel(cookies, 100, async (cookie) => {
      streams.push(await openSse(`${server.url}/api/events`, { cookie }, () => {}));
    });
    const held = (await stats(server.url)).clients!;
    const idle = [await rate(`${N} idle streams`), await rate(`${N} idle streams`)];
    for (const stream of streams.splice(0)) stream.close();
    await waitUntil(
      async () => (await stats(server.url)).clients === 0,
      30_000,
      () => 'the server still counts the closed idle streams',
      100,
    );
    none.push(await rate('no streams'));
    return { none, idle, held };
  } finally {
    for (const stream of streams) stream.close();
    await server.stop();
  }
}

const measured = await bff();
const baseline = await bare();
const fanOut = await idleFanOut();
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const idleRatio = mean(fanOut.idle) / mean(fanOut.none);
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
    value: mean(fanOut.idle),
    baseline: { name: 'same instance, no stream open', value: mean(fanOut.none) },
    higherIsBetter: true,
    target: '≥ 0.9',
    pass: idleRatio >= 0.9,
  },
];
report('sse', rows, [
  `idle fan-out rounds (callbacks/s): none ${Math.round(fanOut.none[0]!)}, ${N} idle ${fanOut.idle.map(Math.round).join(', ')}, none ${Math.round(fanOut.none[1]!)}; SQLite, 50 connections`,
  `RSS before opening streams: BFF ${mib(measured.rssBefore)} MiB, bare ${mib(baseline.rssBefore)} MiB`,
  `broadcast to half the clients: BFF ${measured.broadcastHalfMs.toFixed(1)} ms, bare ${baseline.broadcastHalfMs.toFixed(1)} ms`,
]);
