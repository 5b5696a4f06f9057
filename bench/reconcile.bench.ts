import { mkdtempSync, rmSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBff, createLogger, Store } from '@mandarin-kit/bff';
import { DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { type BenchRow, quick, report } from './harness.js';
import { inParallel, type Reply, request } from './httpClient.js';
import { onboard } from './onboard.js';
import { startServer } from './processes.js';

// Reconciliation: N payouts whose Mandarin callbacks were all lost (the emulator holds every delivery), settled
// by one sweep of the BFF's reconciler against the emulator. Measured: the time to settle all of them, status
// reads sent to Mandarin per item (target: exactly 1) and transaction.status events recorded per item (target:
// exactly 1). The time's baseline is the same N status reads sent by a bare node:http client at the same
// concurrency, with nothing stored: what the reads alone cost, so the ratio is what settling adds (the status
// machine's transaction, the event row, the queue bookkeeping).

const N = quick ? 50 : 10_000;
const CONCURRENCY = 8;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const json = { 'content-type': 'application/json' };

const emulator = await startServer('emulator');
const dir = mkdtempSync(join(tmpdir(), 'mk-bench-reconcile-'));
const store = await Store.openSqlite(join(dir, 'bff.sqlite'));
const base = emulator.url;
const app = createBff({
  store,
  mandarin: {
    baseUrls: { oauth: base, esp: base, classic: base, routing: base, accounts: base },
    ...DEFAULT_CREDENTIALS,
    timeoutMs: 5_000,
  },
  sessionSecret: 'bench-session-secret-0123456789abcdef',
  logger: createLogger({ level: 'silent' }),
  // Swept by hand below: everything is due at once, and the background sweep never runs during the bench.
  reconcile: { afterMs: 1, intervalMs: 3_600_000, concurrency: CONCURRENCY },
  limits: { walletCreatePerUser: { max: 100, windowMs: 60_000 } },
});
await app.ready;
const server: Server = await new Promise((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
const bff = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** The few fields of the emulator's admin answers this bench reads. */
interface AdminReply {
  transactions: Array<{ status: string }>;
  requestsByRoute: Record<string, number>;
}

const admin = async (path: string, body?: unknown): Promise<AdminReply> => {
  const reply = await request(`${base}/__emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : json,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    agent,
  });
  return JSON.parse(reply.body || '{}') as AdminReply;
};

try {
  // A customer with an open wallet holding enough for every payout.
  const customer = await onboard(bff, base, 'bench-reconcile-wallet-0001');
  const wallet = { id: customer.walletId };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const reply: Reply = await request(`${bff}${path}`, {
      method,
      headers: { ...json, 'x-csrf': '1', cookie: customer.cookie, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      agent,
    });
    if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${reply.body}`);
    return JSON.parse(reply.body || '{}');
  };
  await admin(`/wallets/${wallet.id}/balance`, { balance: N * 100 + 100 });

  // Every callback from here on is lost (held by the emulator for the rest of the run).
  await admin('/faults', { route: 'mandarin', kind: 'out-of-order-callbacks', count: N + 1 });
  await inParallel(
    Array.from({ length: N }, (_, i) => i),
    16,
    (i) =>
      call(
        'POST',
        `/api/wallets/${wallet.id}/payouts`,
        { amount: '1.00', destination: { type: 'card_number', cardNumber: '4111111111111111' } },
        { 'idempotency-key': `bench-payout-${i.toString().padStart(6, '0')}` },
      ),
  );
  for (let i = 0; ; i++) {
    const { transactions } = await admin('/transactions');
    if (transactions.filter((t) => t.status === 'success').length >= N) break;
    if (i > 1_000) throw new Error('the emulator did not finish the payouts');
    await new Promise((r) => setTimeout(r, 50));
  }
  const ids = (await store.driver.all('SELECT transaction_id FROM operations')).map((r) =>
    String(r.transaction_id),
  );
  const reads = async () => (await admin('/stats')).requestsByRoute['GET /api/transactions/:id'] ?? 0;
  const events = async () =>
    Number(
      (await store.driver.all("SELECT COUNT(*) AS n FROM events WHERE type = 'transaction.status'"))[0]!.n,
    );

  // Baseline: the same reads, bare.
  const token = JSON.parse(
    (
      await request(`${base}/oauth/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: DEFAULT_CREDENTIALS.clientId,
          client_secret: DEFAULT_CREDENTIALS.clientSecret,
          scope: 'transactions.read',
        }).toString(),
        agent,
      })
    ).body,
  ).access_token as string;
  const headers = { authorization: `Bearer ${token}`, mid: DEFAULT_CREDENTIALS.merchantId };
  const bareStart = performance.now();
  await inParallel(ids, CONCURRENCY, async (id) => {
    const reply = await request(`${base}/api/transactions/${id}`, { headers, agent });
    if (reply.status !== 200) throw new Error(`bare read: ${reply.status}`);
  });
  const bareMs = performance.now() - bareStart;

  const readsBefore = await reads();
  const eventsBefore = await events();
  const start = performance.now();
  const swept = await app.reconciler!.sweep();
  const sweepMs = performance.now() - start;
  const readsPerItem = ((await reads()) - readsBefore) / N;
  const eventsPerItem = ((await events()) - eventsBefore) / N;
  const stillPending = Number(
    (await store.driver.all("SELECT COUNT(*) AS n FROM operations WHERE status <> 'success'"))[0]!.n,
  );

  const rows: BenchRow[] = [
    {
      name: `settle ${N} payouts whose callbacks were lost (one sweep, ${CONCURRENCY} reads in flight)`,
      unit: 'ms',
      value: sweepMs,
      baseline: { name: `the same ${N} status reads, bare node:http`, value: bareMs },
      higherIsBetter: false,
    },
    {
      name: 'status reads sent to Mandarin per item',
      unit: 'reads',
      value: readsPerItem,
      baseline: { name: 'one read each', value: 1 },
      higherIsBetter: false,
      target: '= 1',
      pass: readsPerItem === 1,
    },
    {
      name: 'transaction.status events recorded per item',
      unit: 'events',
      value: eventsPerItem,
      baseline: { name: 'one event each', value: 1 },
      higherIsBetter: false,
      target: '= 1',
      pass: eventsPerItem === 1,
    },
  ];
  report('reconcile', rows, [
    `${swept} items read in the sweep; ${stillPending} of ${N} payouts not settled as success afterwards`,
    `${((N / sweepMs) * 1000).toFixed(0)} items settled per second`,
  ]);
  if (swept !== N || stillPending !== 0 || readsPerItem !== 1 || eventsPerItem !== 1) {
    throw new Error('reconciliation did not settle every item exactly once');
  }
} finally {
  await app.shutdown();
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  agent.destroy();
  await emulator.stop();
}
