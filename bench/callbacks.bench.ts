import { freshDatabase, postgresServer } from './bffDeps.js';
import { FORM, orderIds, signedCallback } from './callbackBodies.js';
import { type BenchRow, quick, report } from './harness.js';
import { operatorSessions } from './httpClient.js';
import { cpuMs, type ServerProcess, startServer } from './processes.js';
import {
  checkIngestion,
  ingest,
  ingestTogether,
  type Latency,
  type RelayWatch,
  relayLatency,
  watchRelay,
} from './relay.js';

// The callback relay: (a) signed Mandarin callbacks acknowledged per second, each verified and stored durably
// (inbox row + event row in one transaction) before its 200, against a bare node:http handler that stores the
// same body under a unique key with the same storage settings and nothing else; (b) latency from a callback's
// POST to its event arriving at an operator's SSE stream, at a fixed 200 callbacks/s. The latency baseline is
// a bare SSE server that relays each POST body to its stream: the same two loopback hops (POST in, SSE frame
// out) with no verification, storage or event log, so the gap is what the BFF adds. (A plain HTTP round trip
// would leave out the SSE write and the client's second socket, and flatter nothing useful.)
// (c) On PostgreSQL, two BFF instances on one database taking callbacks together (half the connections each)
// against the same bare insert, with an operator stream held on each instance that must see every acknowledged
// callback's event exactly once, in the same order on both.
// Targets: ≥ 1 000 callbacks/s and ≥ 0.6 of the bare insert on SQLite; p99 callback→client ≤ 50 ms at 200/s; two PostgreSQL instances
// together ≥ 2 500/s and ≥ 0.45 of the bare insert.

const connections = quick ? 4 : 50;
const INGEST_ROUNDS = quick ? 1 : 3;
const RATE = 200;
const latencyRun = quick ? { warmup: 20, count: RATE } : { warmup: RATE, count: RATE * 10 };
const rows: BenchRow[] = [];
const notes: string[] = [];
/** Correctness failures found along the way; the suite reports its numbers first, then fails on these. */
const problems: string[] = [];

function checkLost(label: string, latency: Latency, sent: number): void {
  if (latency.lost > 0) {
    problems.push(
      `${label}: ${latency.lost} of ${sent} callbacks acknowledged with 200 never reached the SSE client`,
    );
  }
}

async function ingestionRow(store: 'SQLite' | 'PostgreSQL', target: string): Promise<BenchRow[]> {
  const bff = await startServer('bff-callbacks', [target]);
  const bare = await startServer('bare-callbacks', [target]);
  try {
    const next = orderIds('ingest');
    const run = async (server: ServerProcess, label: string, amount: number) => {
      const before = cpuMs(server.child.pid!);
      const result = await ingest(server.url, { connections, amount, body: () => signedCallback(next()) });
      const cpuUs = ((cpuMs(server.child.pid!) - before) * 1000) / result.ok;
      checkIngestion(`${label} (${store})`, result, amount);
      return { perSecond: result.perSecond, cpuUs };
    };
    // Warm-up, which also sizes each measured run to about five seconds of the BFF's pace.
    const probe = await run(bff, 'BFF warm-up', quick ? 20 : 1000);
    await run(bare, 'bare warm-up', quick ? 20 : 1000);
    const amount = quick ? 100 : Math.min(50_000, Math.max(2000, Math.round(probe.perSecond * 5)));
    // Rounds alternate which goes first, so drift on this shared box hits both alike; judged per round.
    const rounds: Array<{
      bff: { perSecond: number; cpuUs: number };
      bare: { perSecond: number; cpuUs: number };
    }> = [];
    for (let i = 0; i < INGEST_ROUNDS; i++) {
      if (i % 2 === 0) {
        const measured = await run(bff, 'BFF', amount);
        rounds.push({ bff: measured, bare: await run(bare, 'bare', amount) });
      } else {
        const baseline = await run(bare, 'bare', amount);
        rounds.push({ bff: await run(bff, 'BFF', amount), bare: baseline });
      }
    }
    const ratio = median(rounds.map((r) => r.bff.perSecond / r.bare.perSecond));
    const perSecond = median(rounds.map((r) => r.bff.perSecond));
    notes.push(
      `${store} ingestion rounds, callbacks/s BFF/bare: ${rounds.map((r) => `${Math.round(r.bff.perSecond)}/${Math.round(r.bare.perSecond)}`).join(', ')}; CPU µs per callback BFF/bare: ${rounds.map((r) => `${Math.round(r.bff.cpuUs)}/${Math.round(r.bare.cpuUs)}`).join(', ')}`,
    );
    const sqlite = store === 'SQLite';
    return [
      {
        name: `signed callbacks ingested durably, ${store} (${amount} a round, ${connections} conns)`,
        unit: 'callbacks/s',
        value: median(rounds.map((r) => r.bff.perSecond)),
        baseline: {
          name: `bare node:http + ${store} insert`,
          value: median(rounds.map((r) => r.bare.perSecond)),
        },
        higherIsBetter: true,
        ...(sqlite
          ? {
              target: `${ratio.toFixed(2)} per round, ≥ 0.6 and ≥ 1 000/s`,
              pass: ratio >= 0.6 && perSecond >= 1000,
            }
          : { target: `${ratio.toFixed(2)} per round` }),
      },
      {
        name: `CPU per signed callback, ${store}`,
        unit: 'µs',
        value: median(rounds.map((r) => r.bff.cpuUs)),
        baseline: {
          name: `bare node:http + ${store} insert`,
          value: median(rounds.map((r) => r.bare.cpuUs)),
        },
        higherIsBetter: false,
      },
    ];
  } finally {
    await bff.stop();
    await bare.stop();
  }
}

async function twoInstancesRow(target: string): Promise<BenchRow> {
  const instances = [
    await startServer('bff-callbacks', [target]),
    await startServer('bff-callbacks', [target]),
  ];
  const bare = await startServer('bare-callbacks', [target]);
  const watches: RelayWatch[] = [];
  try {
    for (const instance of instances) {
      const [cookie] = await operatorSessions(instance.url, 1);
      watches.push(await watchRelay({ url: `${instance.url}/api/events`, headers: { cookie: cookie! } }));
    }
    const urls = instances.map((i) => i.url);
    const next = orderIds('together');
    let acked = 0;
    const run = async (label: string, amount: number, together: boolean) => {
      const result = together
        ? await ingestTogether(urls, { connections, amount, body: () => signedCallback(next()) })
        : await ingest(bare.url, { connections, amount, body: () => signedCallback(next()) });
      checkIngestion(`${label} (PostgreSQL)`, result, amount);
      if (together) acked += result.ok;
      return result;
    };
    const probe = await run('two BFFs warm-up', quick ? 20 : 1000, true);
    await run('bare warm-up', quick ? 20 : 1000, false);
    const amount = quick ? 100 : Math.min(50_000, Math.max(2000, Math.round(probe.perSecond * 10)));
    const measured = await run('two BFFs together', amount, true);
    const baseline = await run('bare', amount, false);
    // Every acknowledged callback's event reaches the stream on each instance once, in one order for both.
    const deadline = Date.now() + 30_000;
    while (watches.some((w) => w.counts.size < acked) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const [i, watch] of watches.entries()) {
      const repeated = [...watch.counts.values()].filter((n) => n > 1).length;
      if (watch.counts.size !== acked || repeated > 0) {
        problems.push(
          `two instances: the stream on instance ${i + 1} got ${watch.counts.size} of ${acked} events, ${repeated} more than once`,
        );
      }
    }
    if (watches[0]!.ids.join() !== watches[1]!.ids.join()) {
      problems.push('two instances: the streams on the two instances saw the events in different orders');
    }
    notes.push(
      `two instances: ${acked} callbacks acknowledged, each relayed once to the stream on each instance in one order`,
    );
    const ratio = measured.perSecond / baseline.perSecond;
    return {
      name: `signed callbacks ingested durably, 2 BFF instances on one PostgreSQL together (${amount}, ${connections} conns)`,
      unit: 'callbacks/s',
      value: measured.perSecond,
      baseline: { name: 'bare node:http + PostgreSQL insert', value: baseline.perSecond },
      higherIsBetter: true,
      target: '≥ 2 500/s and ≥ 0.45',
      pass: measured.perSecond >= 2500 && ratio >= 0.45,
    };
  } finally {
    for (const watch of watches) watch.close();
    await Promise.all([...instances.map((i) => i.stop()), bare.stop()]);
  }
}

async function latencyRows(
  store: 'SQLite' | 'PostgreSQL',
  target: string,
  bareRelay: Latency,
): Promise<BenchRow[]> {
  const bff = await startServer('bff-callbacks', [target]);
  try {
    const [cookie] = await operatorSessions(bff.url, 1);
    const measured = await relayLatency(
      {
        stream: { url: `${bff.url}/api/events`, headers: { cookie: cookie! } },
        post: { url: `${bff.url}/callbacks/mandarin`, contentType: FORM, body: signedCallback },
      },
      { rate: RATE, ...latencyRun, markers: orderIds('latency') },
    );
    notes.push(`${store} callback→SSE: ${measured.samples} samples, max ${measured.max.toFixed(2)} ms`);
    checkLost(`BFF on ${store}`, measured, latencyRun.warmup + latencyRun.count);
    const sqlite = store === 'SQLite';
    const name = `callback→SSE client at ${RATE}/s, ${store}`;
    return [
      {
        name: `${name}, p50`,
        unit: 'ms',
        value: measured.p50,
        baseline: { name: 'bare POST→SSE relay p50', value: bareRelay.p50 },
        higherIsBetter: false,
      },
      {
        name: `${name}, p99`,
        unit: 'ms',
        value: measured.p99,
        baseline: { name: 'bare POST→SSE relay p99', value: bareRelay.p99 },
        higherIsBetter: false,
        ...(sqlite ? { target: '≤ 50 ms', pass: measured.p99 <= 50 } : {}),
      },
    ];
  } finally {
    await bff.stop();
  }
}

async function bareRelayLatency(): Promise<Latency> {
  const bare = await startServer('bare-sse');
  try {
    return await relayLatency(
      {
        stream: { url: `${bare.url}/events`, headers: {} },
        post: {
          url: `${bare.url}/broadcast`,
          contentType: 'application/json',
          body: (marker) => JSON.stringify({ orderId: marker }),
        },
      },
      { rate: RATE, ...latencyRun, markers: orderIds('bare') },
    );
  } finally {
    await bare.stop();
  }
}

rows.push(...(await ingestionRow('SQLite', 'sqlite')));
const bareRelay = await bareRelayLatency();
notes.push(`bare POST→SSE relay: ${bareRelay.samples} samples, max ${bareRelay.max.toFixed(2)} ms`);
checkLost('bare SSE relay', bareRelay, latencyRun.warmup + latencyRun.count);
rows.push(...(await latencyRows('SQLite', 'sqlite', bareRelay)));

const pg = postgresServer();
if ('skipped' in pg) {
  notes.push(`PostgreSQL rows skipped: ${pg.skipped}`);
} else {
  const database = await freshDatabase(pg.url);
  notes.push(`PostgreSQL server settings: ${database.durability}`);
  try {
    rows.push(...(await ingestionRow('PostgreSQL', database.url)));
    rows.push(await twoInstancesRow(database.url));
    rows.push(...(await latencyRows('PostgreSQL', database.url, bareRelay)));
  } finally {
    await database.drop();
  }
}
report('callbacks', rows, [...notes, ...problems.map((p) => `FAILED: ${p}`)]);
if (problems.length > 0) throw new Error(`callbacks: ${problems.join('; ')}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
