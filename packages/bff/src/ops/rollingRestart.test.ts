import type { ChildProcess } from 'node:child_process';
import type { EventEnvelope } from '@mandarin-kit/core';
import { createEmulator, DEFAULT_CREDENTIALS, sandboxKyc } from '@mandarin-kit/emulator';
import { expect, it } from 'vitest';
import { limitVariable } from '../config/env.js';
import { type EventCursor, LOG_START } from '../store/events.js';
import { Store } from '../store/Store.js';
import { type Balancer, startBalancer } from '../testkit/balancer.js';
import { freePort, spawnBff } from '../testkit/bffProcess.js';
import { HttpClient } from '../testkit/HttpClient.js';
import { describePostgres, freshDatabase } from '../testkit/postgres.js';
import { openSse, type SseConnection } from '../testkit/sse.js';

const USERS = 3;
/** One browser request per user every this many ms: a steady, bounded load. */
const PACE_MS = 40;
const ESP_TOKEN = 'rolling-esp-webhook-token-0123456789';

/** A browser's event stream through the balancer that reconnects with Last-Event-ID whenever it ends. */
function resilientListener(url: string, cookie: string) {
  const received: EventEnvelope[] = [];
  // From the start of the log: every event of the user is expected, exactly once.
  const state = { reconnects: 0, lastId: '0' as string | null, stopped: false };
  let current: SseConnection | undefined;
  const loop = (async () => {
    while (!state.stopped) {
      try {
        current = await openSse(url, { cookie, ...(state.lastId ? { 'last-event-id': state.lastId } : {}) });
        const connection = current;
        let taken = 0;
        const take = () => {
          while (taken < connection.events.length) received.push(connection.events[taken++]!);
          if (connection.lastEventId !== null) state.lastId = connection.lastEventId;
        };
        const pump = setInterval(take, 2);
        await connection.closed;
        clearInterval(pump);
        take();
        if (!state.stopped) state.reconnects++;
        // What the browser does: wait the `retry:` the stream sent, then reconnect.
        await new Promise((r) => setTimeout(r, connection.retryMs ?? 1000));
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  })();
  return {
    received,
    state,
    async stop() {
      state.stopped = true;
      current?.close();
      await loop;
    },
  };
}

describePostgres('rolling restart behind a load balancer', () => {
  it('drops no browser request, event or callback while each instance is restarted with SIGTERM', async () => {
    const db = await freshDatabase();
    const emulator = createEmulator({ timeScale: 0.01 });
    const running = await emulator.start();
    const ports = [await freePort(), await freePort()];
    const balancer: Balancer = await startBalancer(ports.map((p) => `http://127.0.0.1:${p}`));
    const roomy = '100000/1m';
    const env = (port: number) => ({
      MANDARIN_ENV: 'emulator',
      MANDARIN_BASE_URL: running.url,
      MANDARIN_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
      MANDARIN_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
      MANDARIN_MERCHANT_ID: DEFAULT_CREDENTIALS.merchantId,
      MANDARIN_SECRET: DEFAULT_CREDENTIALS.secret,
      BFF_SESSION_SECRET: 'rolling-restart-session-secret-0123456789',
      BFF_PORT: String(port),
      BFF_DATABASE_URL: db.url,
      BFF_PUBLIC_URL: balancer.url,
      BFF_ESP_WEBHOOK_TOKEN: ESP_TOKEN,
      // Only callbacks settle payouts here: a lost one would show as a payout left pending.
      BFF_RECONCILE_AFTER_MS: '3600000',
      BFF_SHUTDOWN_GRACE_MS: '5000',
      BFF_LOG_LEVEL: 'silent',
      ...Object.fromEntries(
        [
          'walletCreatePerAddress',
          'walletCreatePerPhone',
          'walletCreateGlobal',
          'sessionCreatePerAddress',
        ].map((name) => [limitVariable(name), roomy]),
      ),
    });
    const instances: Array<{ child: ChildProcess }> = [];
    for (const port of ports) instances.push(await spawnBff(env(port)));
    await fetch(`${running.url}/__emulator/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        callbackUrl: `${balancer.url}/callbacks/mandarin`,
        webhookUrl: `${balancer.url}/callbacks/esp/${ESP_TOKEN}`,
      }),
    });
    const admin = async (path: string, body?: unknown) => {
      const response = await fetch(`${running.url}/__emulator${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json() as Promise<any>;
    };

    const users: Array<{ browser: HttpClient; walletId: string; userId: string }> = [];
    for (let i = 0; i < USERS; i++) {
      const browser = new HttpClient(balancer.url);
      const created = await browser.post('/api/wallets', sandboxKyc());
      expect(created.status).toBe(201);
      const walletId: string = created.body.id;
      await browser.post(`/api/wallets/${walletId}/otp/send`);
      const { code } = await admin(`/esp/${walletId}/otp`);
      expect((await browser.post(`/api/wallets/${walletId}/otp/verify`, { code })).status).toBe(200);
      await expect
        .poll(async () => (await browser.get(`/api/wallets/${walletId}`)).body.status, { timeout: 20_000 })
        .toBe('Success');
      await admin(`/wallets/${walletId}/balance`, { balance: 10_000_000 });
      users.push({ browser, walletId, userId: (await browser.get('/api/me')).body.id });
    }
    const listeners = users.map((u) => resilientListener(balancer.url, u.browser.cookieHeader));

    // The steady load: each user reads the balance, reads the wallet, and pays 1.00 out, in turn.
    const failures: string[] = [];
    const payouts: Array<{ user: number; id: string }> = [];
    let requests = 0;
    let loading = true;
    const load = users.map(async (user, index) => {
      for (let step = 0; loading; step++) {
        const started = Date.now();
        try {
          const reply =
            step % 3 === 2
              ? await user.browser.post(`/api/wallets/${user.walletId}/payouts`, {
                  amount: '1.00',
                  destination: { type: 'card_number', cardNumber: '4111 1111 1111 1111' },
                })
              : await user.browser.get(
                  step % 3 === 0 ? `/api/wallets/${user.walletId}/balance` : `/api/wallets/${user.walletId}`,
                );
          requests++;
          if (reply.status >= 400) failures.push(`${reply.status} ${reply.text.slice(0, 200)}`);
          else if (step % 3 === 2) payouts.push({ user: index, id: reply.body.id });
        } catch (error) {
          failures.push(String(error));
        }
        await new Promise((r) => setTimeout(r, Math.max(0, PACE_MS - (Date.now() - started))));
      }
    });

    const restarts: Array<{ exitCode: number | null; tookMs: number }> = [];
    // Each instance goes down only once the load has been through it for a while: a count of answered requests.
    const loadSince = (count: number) =>
      expect.poll(() => requests, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(count + 30);
    try {
      await loadSince(0);
      for (let i = 0; i < instances.length; i++) {
        const { child } = instances[i]!;
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        const started = Date.now();
        child.kill('SIGTERM');
        const exitCode = await exited;
        restarts.push({ exitCode, tookMs: Date.now() - started });
        instances[i] = await spawnBff(env(ports[i]!));
        await expect
          .poll(async () => (await fetch(`http://127.0.0.1:${ports[i]}/readyz`)).status, { timeout: 20_000 })
          .toBe(200);
        await loadSince(requests);
      }
    } finally {
      loading = false;
      await Promise.all(load);
    }

    try {
      expect(failures).toEqual([]);
      expect(restarts.map((r) => r.exitCode)).toEqual([0, 0]);
      expect(payouts.length).toBeGreaterThan(10);

      // Every payout was settled by its callback (the reconciler waits an hour): no callback was lost.
      const store = await Store.openPostgres(db.url);
      try {
        await expect
          .poll(
            async () => {
              const statuses = await Promise.all(payouts.map((p) => store.operations.get(p.id)));
              return statuses.filter((op) => op?.status !== 'success').length;
            },
            { timeout: 30_000, interval: 200 },
          )
          .toBe(0);
        const deliveries = (await admin('/callbacks')).callbacks as Array<{ state: string }>;
        expect(deliveries.filter((d) => d.state !== 'delivered')).toEqual([]);

        // Every user's stream saw each of their events exactly once, in order, across both restarts.
        for (const [index, user] of users.entries()) {
          const expected: string[] = [];
          for (let cursor: EventCursor = LOG_START; ; ) {
            const page = await store.events.after(cursor, user.userId, false);
            if (page.length === 0) break;
            expected.push(...page.map((e) => e.envelope.id));
            cursor = page.at(-1)!;
          }
          const listener = listeners[index]!;
          // The stream sends the log in order: once the user's last event is here, a repeat of any earlier
          // one would be here too.
          const last = expected.at(-1);
          await expect
            .poll(() => listener.received.some((e) => e.id === last), { timeout: 10_000 })
            .toBe(true);
          const ids = listener.received.map((e) => e.id);
          expect(ids).toEqual(expected);
          const settledHere = payouts.filter((p) => p.user === index).length;
          expect(ids.length).toBeGreaterThanOrEqual(settledHere);
          expect(listener.state.reconnects).toBeGreaterThanOrEqual(1);
        }
      } finally {
        await store.close();
      }
      console.info(
        `rolling restart: ${requests} browser requests, ${failures.length} failed; ${payouts.length} payouts; ` +
          `${listeners.reduce((n, l) => n + l.received.length, 0)} events on ${USERS} streams, ` +
          `${listeners.reduce((n, l) => n + l.state.reconnects, 0)} reconnects; ${balancer.failovers} failovers; ` +
          `SIGTERM to exit: ${restarts.map((r) => `${r.tookMs} ms`).join(', ')}`,
      );
    } finally {
      for (const listener of listeners) await listener.stop();
      for (const { child } of instances) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await balancer.close();
      await running.close();
      await db.drop();
    }
  }, 180_000);
});
