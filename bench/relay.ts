// The two measurements of the callback relay, each usable against the BFF and against its bare baseline.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { FORM } from './callbackBodies.js';
import { percentile, request, stats } from './httpClient.js';
import { openSse, waitUntil } from './sseClient.js';

export interface Ingestion {
  /** Callbacks acknowledged with 2xx per second over the whole run. */
  perSecond: number;
  ok: number;
  failed: number;
  /** Inbox rows the run added, read from the server's own store afterwards. */
  rowsAdded: number;
}

/**
 * Posts `amount` callbacks, each with a fresh body, over `connections` keep-alive connections as fast as the
 * server acknowledges them. A fixed amount rather than a duration: autocannon then waits for every answer, so
 * rows stored and 2xx answers can be compared exactly (a timed run cuts requests off in flight).
 */
export function ingest(
  baseUrl: string,
  options: { connections: number; amount: number; body: () => string },
): Promise<Ingestion> {
  return ingestTogether([baseUrl], options);
}

/**
 * {@link ingest} against several servers sharing one store at once: `connections` and `amount` split evenly
 * between them, all started together; the rate is every 2xx over the time from the start to the last answer
 * anywhere, and the rows are counted once in the shared store.
 */
export async function ingestTogether(
  baseUrls: readonly string[],
  options: { connections: number; amount: number; body: () => string },
): Promise<Ingestion> {
  const before = (await stats(baseUrls[0]!)).inbox!;
  const started = performance.now();
  // autocannon notices that the amount is reached only on its next one-second tick, so the run ends at the
  // last answer, not when autocannon returns.
  let lastAnswer = started;
  const share = (total: number, i: number) =>
    Math.floor(total / baseUrls.length) + (i < total % baseUrls.length ? 1 : 0);
  const results = await Promise.all(
    baseUrls.map((url, i) =>
      autocannon({
        url,
        connections: share(options.connections, i),
        amount: share(options.amount, i),
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/callbacks/mandarin',
            headers: { 'content-type': FORM },
            setupRequest: (req) => ({ ...req, body: options.body() }),
            onResponse: () => {
              lastAnswer = performance.now();
            },
          },
        ],
      }),
    ),
  );
  const seconds = (lastAnswer - started) / 1000;
  const after = (await stats(baseUrls[0]!)).inbox!;
  const ok = results.reduce((sum, r) => sum + r['2xx'], 0);
  return {
    perSecond: ok / seconds,
    ok,
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    rowsAdded: after - before,
  };
}

/** What one SSE client saw of the callbacks' events: how often each marker came, and the ids in arrival order. */
export interface RelayWatch {
  counts: Map<string, number>;
  ids: string[];
  close(): void;
}

/** Holds an SSE stream and records every event frame that carries a marker (the callback's orderId). */
export async function watchRelay(stream: LatencyTarget['stream']): Promise<RelayWatch> {
  const counts = new Map<string, number>();
  const ids: string[] = [];
  const open = await openSse(stream.url, stream.headers, (frame) => {
    const marker = MARKER.exec(frame)?.[1];
    if (marker === undefined) return;
    counts.set(marker, (counts.get(marker) ?? 0) + 1);
    const id = /^id: (.*)$/m.exec(frame)?.[1];
    if (id !== undefined) ids.push(id);
  });
  return { counts, ids, close: () => open.close() };
}

/** Throws unless every request got a 2xx and each 2xx stored exactly one row. */
export function checkIngestion(label: string, run: Ingestion, amount: number): void {
  if (run.failed > 0 || run.ok !== amount || run.rowsAdded !== run.ok) {
    throw new Error(
      `${label}: ${amount} sent, ${run.ok} 2xx, ${run.failed} failed, ${run.rowsAdded} rows stored (expected all equal)`,
    );
  }
}

export interface LatencyTarget {
  /** The SSE stream the measured client holds, and the headers it opens it with (the session cookie). */
  stream: { url: string; headers: Record<string, string> };
  /** Where each message is POSTed, and the body carrying its marker. */
  post: { url: string; contentType: string; body: (marker: string) => string };
}

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  /** Messages acknowledged with 200 whose event never reached the client: any is a relay bug. */
  lost: number;
}

const MARKER = /"orderId":"([^"]+)"/;

/**
 * Open loop at a fixed rate: message i leaves at start + i/rate whether or not earlier ones arrived, as
 * providers' callbacks do. Latency = arrival of the frame carrying the message's marker at the SSE client
 * minus the moment its POST was issued, both on this process's monotonic clock. The first `warmup` messages
 * are sent the same way and not counted (JIT, prepared statements, connection set-up).
 */
export async function relayLatency(
  target: LatencyTarget,
  options: { rate: number; count: number; warmup: number; markers: () => string },
): Promise<Latency> {
  const arrived = new Map<string, number>();
  const stream = await openSse(target.stream.url, target.stream.headers, (frame, at) => {
    const marker = MARKER.exec(frame)?.[1];
    if (marker !== undefined && !arrived.has(marker)) arrived.set(marker, at);
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const sent: Array<{ marker: string; at: number }> = [];
  const replies: Array<Promise<void>> = [];
  const failures: string[] = [];
  const total = options.warmup + options.count;
  try {
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const marker = options.markers();
      sent.push({ marker, at: performance.now() });
      const reply = request(target.post.url, {
        method: 'POST',
        headers: { 'content-type': target.post.contentType },
        body: target.post.body(marker),
        agent,
      });
      // Collected rather than thrown: a rejection nobody awaits yet would crash the process mid-run.
      replies.push(
        reply.then(
          (r) => {
            if (r.status !== 200) failures.push(`${r.status} ${r.body}`);
          },
          (error: Error) => {
            failures.push(error.message);
          },
        ),
      );
    }
    await Promise.all(replies);
    if (failures.length > 0)
      throw new Error(`POST ${target.post.url}: ${failures.length} failed, e.g. ${failures[0]}`);
    // Lost messages are counted, not thrown at once, so the run still reports what did arrive; the suite fails
    // on them after its report.
    await waitUntil(
      () => sent.every((s) => arrived.has(s.marker)),
      5_000,
      () => '',
    ).catch(() => {});
  } finally {
    stream.close();
    agent.destroy();
  }
  const latencies = sent
    .slice(options.warmup)
    .filter((s) => arrived.has(s.marker))
    .map((s) => arrived.get(s.marker)! - s.at)
    .sort((a, b) => a - b);
  if (latencies.length === 0) throw new Error(`no message reached the SSE client at ${target.stream.url}`);
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1)!,
    samples: latencies.length,
    lost: sent.filter((s) => !arrived.has(s.marker)).length,
  };
}
