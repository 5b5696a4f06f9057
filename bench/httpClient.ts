// Small node:http clients for the relay benches. node:http rather than fetch: an SSE stream per socket with
// no pooling, and chunks seen as they arrive (the arrival time is what is measured).
import http from 'node:http';

/** Every wait in these benches is bounded: a stuck server fails the suite instead of hanging it. */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface Reply {
  status: number;
  body: string;
  setCookie: string[];
}

/** One request; rejects on a network error or after the timeout. */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${options.method ?? 'GET'} ${url} timed out`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The measured server's counters (`/__bench/stats`). */
export async function stats(baseUrl: string): Promise<Record<string, number>> {
  const reply = await request(`${baseUrl}/__bench/stats`);
  if (reply.status !== 200) throw new Error(`stats: ${reply.status} ${reply.body}`);
  return JSON.parse(reply.body) as Record<string, number>;
}

/** Forces a full GC in the measured server, so memory readings don't depend on when it last collected. */
export async function collectGarbage(baseUrl: string): Promise<void> {
  const reply = await request(`${baseUrl}/__bench/gc`, { method: 'POST' });
  if (!(JSON.parse(reply.body) as { gc: boolean }).gc)
    throw new Error('server was not started with --expose-gc');
}

/** Runs `fn` over `items` with at most `limit` in flight; rejects on the first failure. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * `n` distinct operator sessions (one user each): `POST /api/session/operator` without a cookie signs a new
 * anonymous user in as operator. A capped keep-alive agent, so thousands of sign-ins don't leave thousands of
 * sockets in TIME_WAIT taking the ephemeral ports the SSE clients need.
 */
export async function operatorSessions(baseUrl: string, n: number): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  try {
    return await inParallel(Array.from({ length: n }), 16, async () => {
      const reply = await request(`${baseUrl}/api/session/operator`, {
        method: 'POST',
        headers: { 'x-csrf': '1' },
        agent,
      });
      const cookie = reply.setCookie
        .map((c) => c.split(';')[0]!)
        .filter((c) => c.startsWith('mk_session='))
        .at(-1); // the operator cookie is set last
      if (reply.status !== 200 || cookie === undefined)
        throw new Error(`operator sign-in: ${reply.status} ${reply.body}`);
      return cookie;
    });
  } finally {
    agent.destroy();
  }
}

/**
 * `n` distinct customer sessions (`GET /api/me` without a cookie issues a new anonymous customer): streams that
 * see only their own user's events, so an operator-stream callback is nothing to them.
 */
export async function customerSessions(baseUrl: string, n: number): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  try {
    return await inParallel(Array.from({ length: n }), 16, async () => {
      const reply = await request(`${baseUrl}/api/me`, { agent });
      const cookie = reply.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('mk_session='));
      if (reply.status !== 200 || cookie === undefined)
        throw new Error(`customer session: ${reply.status} ${reply.body}`);
      return cookie;
    });
  } finally {
    agent.destroy();
  }
}

/**
 * Open-loop load: `rate` GETs a second, evenly spaced, for `seconds`, over at most `sockets` keep-alive
 * connections. Each latency runs from when the request was due, not from when a socket was free, so a server
 * that falls behind is charged for the queue it causes (no coordinated omission). Returns latencies in ms.
 */
export async function pacedLatencies(
  url: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
  sockets = 50,
): Promise<{ latencies: number[]; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Array<Promise<void>> = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      request(url, { headers, agent }).then(
        (reply) => {
          if (reply.status === 200) latencies.push(performance.now() - due);
          else errors++;
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { latencies, errors };
}

/** Nearest-rank percentile (`q` in 0..1) of values sorted ascending. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}
