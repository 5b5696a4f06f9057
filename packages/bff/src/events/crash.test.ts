import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '@mandarin-kit/core';
import { createEmulator, DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { describe, expect, it } from 'vitest';
import { Store } from '../store/Store.js';
import { freePort, spawnBff } from '../testkit/bffProcess.js';
import { HttpClient } from '../testkit/HttpClient.js';
import { openSse, type SseConnection } from '../testkit/sse.js';

const BURST = 120;
/** How many callbacks of the burst are sent while the BFF is dead. */
const DOWN_FOR = 10;

/** A listener that reconnects with Last-Event-ID whenever its stream drops, like EventSource does. */
function resilientListener(url: () => string, cookie: string) {
  const received: EventEnvelope[] = [];
  let current: SseConnection | undefined;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const last = received.at(-1)?.id;
        current = await openSse(url(), { cookie, ...(last ? { 'last-event-id': last } : {}) });
        const seen = current.events;
        const pump = setInterval(() => {
          while (seen.length > 0) received.push(seen.shift()!);
        }, 2);
        await current.closed;
        clearInterval(pump);
        while (seen.length > 0) received.push(seen.shift()!);
      } catch {
        // the BFF is down: try again shortly
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    received,
    async stop() {
      stopped = true;
      current?.close();
      await loop;
    },
  };
}

describe('crash safety', () => {
  it('loses nothing acked and delivers every event once when the BFF is SIGKILLed mid-burst', async () => {
    const emulator = createEmulator({ timeScale: 0.01 });
    const running = await emulator.start();
    const dir = mkdtempSync(join(tmpdir(), 'mk-crash-'));
    const port = await freePort();
    const env = {
      MANDARIN_ENV: 'emulator',
      MANDARIN_BASE_URL: running.url,
      MANDARIN_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
      MANDARIN_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
      MANDARIN_MERCHANT_ID: DEFAULT_CREDENTIALS.merchantId,
      MANDARIN_SECRET: DEFAULT_CREDENTIALS.secret,
      BFF_SESSION_SECRET: 'crash-test-session-secret-0123456789',
      BFF_PORT: String(port),
      BFF_SQLITE_FILE: join(dir, 'bff.sqlite'),
      BFF_DEMO_OPERATOR_LOGIN: 'true',
      BFF_GATEWAY_CHECKSUM_KEY: emulator.options.providers.gatewaySecret,
      BFF_LOG_LEVEL: 'silent',
    };
    let bff = await spawnBff(env);
    const url = bff.url;
    const operators = [new HttpClient(url), new HttpClient(url)];
    for (const op of operators) await op.post('/api/session/operator');
    const listeners = operators.map((op) => resilientListener(() => url, op.cookieHeader));
    try {
      await new Promise((r) => setTimeout(r, 100));
      const deliveries: string[] = [];
      for (let i = 0; i < BURST; i++) {
        const sent = await fetch(`${running.url}/__emulator/send/gateway`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            url: `${url}/callbacks/gateway`,
            method: 'POST',
            payload: { mdOrder: `md-${i}`, orderNumber: String(i), operation: 'deposited', status: '1' },
            maxAttempts: 50,
            intervalSeconds: 20, // 200 ms at this time scale: retries span the restart
          }),
        });
        deliveries.push(((await sent.json()) as { id: string }).id);
        if (i === BURST / 2) {
          bff.child.kill('SIGKILL');
          await new Promise((r) => bff.child.once('exit', r));
        }
        // Callbacks sent while the BFF is down must come in by the emulator's retries after the restart.
        if (i === BURST / 2 + DOWN_FOR) bff = await spawnBff(env);
      }
      // Let the emulator's retries finish.
      const acked = new Set<string>();
      let retried = 0;
      for (let round = 0; round < 600 && acked.size < BURST; round++) {
        for (const id of deliveries) {
          if (acked.has(id)) continue;
          const delivery = (await (await fetch(`${running.url}/__emulator/callbacks/${id}`)).json()) as {
            state: string;
            attempts: Array<{ status: number | null }>;
          };
          if (delivery.state === 'delivered') {
            acked.add(id);
            if (delivery.attempts.length > 1) retried++;
          }
          expect(delivery.state).not.toBe('failed');
        }
        if (acked.size < BURST) await new Promise((r) => setTimeout(r, 50));
      }
      expect(acked.size).toBe(BURST);
      expect(retried).toBeGreaterThanOrEqual(DOWN_FOR); // the crash really cut deliveries off; retries brought them in

      // Every acked callback is stored exactly once (the unique key forbids more; nothing acked is missing).
      const store = await Store.openSqlite(env.BFF_SQLITE_FILE);
      const rows = await store.driver.all("SELECT dedupe_key FROM inbox WHERE provider = 'gateway'");
      await store.close();
      const keys = rows.map((r) => String(r.dedupe_key));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.sort()).toEqual(Array.from({ length: BURST }, (_, i) => `md-${i}:deposited:1`).sort());

      // Every event reaches each listener exactly once, across the crash.
      for (const listener of listeners) {
        await expect
          .poll(() => listener.received.filter((e) => e.type === 'gateway.operation').length, {
            timeout: 10_000,
          })
          .toBe(BURST);
        const refs = listener.received.map((e) => (e.data as { reference: string }).reference);
        expect(new Set(refs).size).toBe(refs.length);
        const ids = listener.received.map((e) => Number(e.id));
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
      }
    } finally {
      for (const listener of listeners) await listener.stop();
      bff.child.kill('SIGTERM');
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
