// Many SSE clients against one server process: how many it holds, what each costs it in memory, and how long
// one message takes to reach all of them.
import { performance } from 'node:perf_hooks';
import { collectGarbage, inParallel, stats } from './httpClient.js';
import { rssBytes, type ServerProcess } from './processes.js';
import { openSse, type SseStream, waitUntil } from './sseClient.js';

export interface FleetTarget {
  server: ServerProcess;
  /** The stream's URL, and each client's headers (client i gets `headers(i)`: its own session). */
  streamUrl: string;
  headers: (i: number) => Record<string, string>;
  /** Sends one message carrying `marker` to every client. */
  broadcast: (marker: string) => Promise<void>;
}

export interface FleetResult {
  held: number;
  rssBefore: number;
  rssAfter: number;
  /** From the broadcast's POST to the last client receiving it. */
  broadcastMs: number;
  /** From the broadcast's POST to half of the clients having it. */
  broadcastHalfMs: number;
}

const OPEN_CONCURRENCY = 100;
const OPEN_TIMEOUT_MS = 120_000;
const BROADCAST_TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Memory the server holds for the streams is read after a forced GC on both sides of opening them. */
async function settledRss(target: FleetTarget): Promise<number> {
  await sleep(300);
  await collectGarbage(target.server.url);
  await sleep(200);
  return rssBytes(target.server.child.pid!);
}

export async function measureFleet(target: FleetTarget, n: number, marker: string): Promise<FleetResult> {
  // Warm-up: the first streams load and compile the SSE path; that is not per-connection memory.
  const warm = await inParallel(
    Array.from({ length: 20 }, (_, i) => i),
    20,
    (i) => openSse(target.streamUrl, target.headers(i), () => {}),
  );
  for (const stream of warm) stream.close();
  await waitUntil(
    async () => (await stats(target.server.url)).clients === 0,
    10_000,
    () => 'the server still counts the closed warm-up streams',
    50,
  );
  const rssBefore = await settledRss(target);

  const arrivals: number[] = [];
  const streams: SseStream[] = [];
  try {
    await waitFor(
      inParallel(
        Array.from({ length: n }, (_, i) => i),
        OPEN_CONCURRENCY,
        async (i) => {
          let got = false;
          const stream = await openSse(target.streamUrl, target.headers(i), (frame, at) => {
            if (!got && frame.includes(marker)) {
              got = true;
              arrivals.push(at);
            }
          });
          streams.push(stream);
        },
      ),
      OPEN_TIMEOUT_MS,
      () => `only ${streams.length} of ${n} SSE streams opened`,
    );
    const held = (await stats(target.server.url)).clients!;
    const rssAfter = await settledRss(target);

    const sentAt = performance.now();
    await target.broadcast(marker);
    await waitUntil(
      () => arrivals.length === n,
      BROADCAST_TIMEOUT_MS,
      () => `broadcast reached ${arrivals.length} of ${n} clients`,
    );
    const dropped = streams.filter((s) => s.ended).length;
    if (dropped > 0) throw new Error(`${dropped} of ${n} SSE streams were dropped during the run`);
    arrivals.sort((a, b) => a - b);
    return {
      held,
      rssBefore,
      rssAfter,
      broadcastMs: arrivals.at(-1)! - sentAt,
      broadcastHalfMs: arrivals[Math.floor(n / 2)]! - sentAt,
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}

/** `work` or a loud failure after `ms`. */
async function waitFor<T>(work: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what()}`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
