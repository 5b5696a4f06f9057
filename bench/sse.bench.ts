import { FORM, signedCallback } from './callbackBodies.js';
import { type BenchRow, quick, report } from './harness.js';
import { operatorSessions, request } from './httpClient.js';
import { startServer } from './processes.js';
import { type FleetResult, measureFleet } from './sseFleet.js';

// SSE at scale on one instance: N concurrent streams, each its own operator session and socket, held by one
// BFF process; its RSS (from /proc, after a forced GC) before and after opening them gives memory per
// connection; then one operator-stream callback is sent and timed until every client has its event. The
// baseline is a bare node:http SSE server holding as many streams and writing one frame to all: the floor
// of what a Node process pays per socket and per write. Broadcast times include this process reading N
// sockets (the same for both). Targets: 10 000 clients on one instance, RSS under 1 GiB.

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

const measured = await bff();
const baseline = await bare();
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
];
report('sse', rows, [
  `RSS before opening streams: BFF ${mib(measured.rssBefore)} MiB, bare ${mib(baseline.rssBefore)} MiB`,
  `broadcast to half the clients: BFF ${measured.broadcastHalfMs.toFixed(1)} ms, bare ${baseline.broadcastHalfMs.toFixed(1)} ms`,
]);
