import http from 'node:http';
import type { EventEnvelope } from '@mandarin-kit/core';
import { sandboxKyc } from '@mandarin-kit/emulator';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { compareCursor, LOG_START } from '../store/events.js';
import { waitFor } from '../testkit/flows.js';
import type { HttpClient } from '../testkit/HttpClient.js';
import { openSse } from '../testkit/sse.js';
import { ESP_TOKEN, startStack } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';

let browser: HttpClient;
const hooked: EventEnvelope[] = [];
let failuresLeft = 2;
const stack = stackSuite({
  bff: {
    sse: { heartbeatMs: 20, maxStreamsPerUser: 3, allowedOrigins: ['https://shop.example'] },
    onEvent: (event) => {
      if (event.type === 'esp.status' && failuresLeft-- > 0) throw new Error('host is down');
      hooked.push(event);
    },
  },
});

beforeAll(async () => {
  browser = stack.client();
  await browser.get('/api/me');
});

async function onboard(user: HttpClient = browser): Promise<string> {
  const created = await user.post('/api/wallets', sandboxKyc());
  const id: string = created.body.id;
  await user.post(`/api/wallets/${id}/otp/send`);
  const otp = await stack.admin(`/esp/${id}/otp`);
  await user.post(`/api/wallets/${id}/otp/verify`, { code: otp.body.code });
  return id;
}

const webhook = (body: unknown) =>
  fetch(`${stack.bffUrl}/callbacks/esp/${ESP_TOKEN}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('live events over SSE', () => {
  it('streams the ESP reaching Success with ids, a retry hint and heartbeats', async () => {
    const sse = await openSse(stack.bffUrl, { cookie: browser.cookieHeader });
    expect(sse.status).toBe(200);
    expect(sse.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(sse.headers['x-accel-buffering']).toBe('no');
    expect(sse.headers['content-encoding']).toBeUndefined();
    const id = await onboard();
    const events = await sse.waitFor((es) =>
      es.some((e) => e.type === 'esp.status' && (e.data as any).status === 'Success'),
    );
    const success = events.find((e) => (e.data as any).status === 'Success')!;
    expect(success.data).toEqual({ walletId: id, status: 'Success' });
    expect(Number(success.id)).toBeGreaterThan(0);
    await waitFor(
      async () => sse.comments,
      (n) => n >= 2,
    );
    sse.close();
  });

  it('never lets a late Processing overwrite Success, and ignores a repeated webhook', async () => {
    const id = await onboard();
    await waitFor(
      () => browser.get(`/api/wallets/${id}`),
      (r) => r.body.status === 'Success',
    );
    const before = await stack.store.events.lastSeq();
    const late = {
      event_id: crypto.randomUUID(),
      payment_token_id: id,
      status: 'Processing',
      created_at: '2000-01-01T00:00:00Z',
    };
    expect((await webhook(late)).status).toBe(200);
    expect((await webhook(late)).status).toBe(200);
    expect((await stack.store.wallets.get(id))!.status).toBe('Success');
    expect(await stack.store.events.lastSeq()).toBe(before);
  });

  it('refuses a webhook on a guessed path and stores nothing', async () => {
    const inbox = await stack.store.inbox.count();
    const response = await fetch(`${stack.bffUrl}/callbacks/esp/guess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        event_id: 'e',
        payment_token_id: 'x',
        status: 'Success',
        created_at: '2026-01-01T00:00:00Z',
      }),
    });
    expect(response.status).toBe(401);
    expect(await stack.store.inbox.count()).toBe(inbox);
  });

  it('replays what was missed from Last-Event-ID, exactly once', async () => {
    const first = await openSse(stack.bffUrl, { cookie: browser.cookieHeader });
    const id = await onboard();
    await first.waitFor((es) =>
      es.some((e) => (e.data as any).walletId === id && (e.data as any).status === 'Success'),
    );
    const seen = first.events.filter((e) => (e.data as any).walletId === id);
    first.close();
    const lastId = seen[0]!.id;
    const resumed = await openSse(stack.bffUrl, {
      cookie: browser.cookieHeader,
      'last-event-id': String(Number(lastId) - 1),
    });
    await resumed.waitFor((es) => es.some((e) => e.id === lastId));
    const ids = resumed.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(lastId);
    resumed.close();
  });

  it('gives a stream opened without Last-Event-ID every event committed once its headers are out', async () => {
    const user = stack.client();
    const me = (await user.get('/api/me')).body.id as string;
    // Whatever the stream reads from the log as it opens is held up until the user's events are published.
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    const lastCursor = stack.store.events.lastCursor.bind(stack.store.events);
    const held = vi.spyOn(stack.store.events, 'lastCursor').mockImplementation(async () => {
      await released;
      return lastCursor();
    });
    const after = stack.store.events.after.bind(stack.store.events);
    const heldAfter = vi.spyOn(stack.store.events, 'after').mockImplementation(async (...args) => {
      await released;
      return after(...args);
    });
    try {
      const stream = await openSse(stack.bffUrl, { cookie: user.cookieHeader });
      const id = await onboard(user);
      // The feed has published the user's events to the hub while the stream is still opening.
      await waitFor(
        async () => {
          const newest = (await after(LOG_START, me, false)).at(-1);
          return newest !== undefined && compareCursor(stack.app.hub.position, newest) >= 0;
        },
        (published) => published,
      );
      release();
      await stream.waitFor((es) => es.some((e) => (e.data as { walletId?: string }).walletId === id));
      stream.close();
    } finally {
      release();
      held.mockRestore();
      heldAfter.mockRestore();
    }
  });

  it('gives a new stream its resume point before any event, so a drop before the first event misses nothing', async () => {
    const user = stack.client();
    await user.get('/api/me');
    const first = await openSse(stack.bffUrl, { cookie: user.cookieHeader });
    const resumeFrom = await waitFor(
      async () => first.lastEventId,
      (id) => id !== null,
    );
    expect(resumeFrom).toMatch(/^\d+$/);
    expect(first.events).toEqual([]);
    first.close();
    // While this user has no stream open, their wallet is opened and its status changes.
    const id = await onboard(user);
    await waitFor(
      async () => (await user.get(`/api/wallets/${id}`)).body.status,
      (status) => status === 'Success',
    );
    const resumed = await openSse(stack.bffUrl, { cookie: user.cookieHeader, 'last-event-id': resumeFrom! });
    const events = await resumed.waitFor((es) => es.some((e) => (e.data as any).status === 'Success'));
    expect(events.every((e) => (e.data as any).walletId === id)).toBe(true);
    resumed.close();
  });

  it('relays a wallet status that a poll learns before the webhook, once', async () => {
    const user = stack.client();
    await user.get('/api/me');
    const sse = await openSse(stack.bffUrl, { cookie: user.cookieHeader });
    const statusesOf = (id: string) =>
      sse.events.filter((e) => (e.data as any).walletId === id).map((e) => (e.data as any).status);
    try {
      // The ESP's next webhook is held back until a second one is sent, and then arrives after it.
      await stack.admin('/faults', { body: { route: 'esp', kind: 'out-of-order-callbacks', count: 2 } });
      const first = await onboard(user);
      await waitFor(
        async () => (await user.get(`/api/wallets/${first}`)).body.status,
        (status) => status === 'Success',
      );
      await sse.waitFor(() => statusesOf(first).includes('Success'));
      const second = await onboard(user);
      await sse.waitFor(() => statusesOf(second).includes('Success'));
      await waitFor(
        async () => (await stack.admin(`/callbacks?subject=${first}`)).body.callbacks,
        (callbacks: Array<{ state: string }>) => callbacks.some((c) => c.state === 'delivered'),
      );
      expect(statusesOf(first)).toEqual(['Success']);
    } finally {
      await stack.admin('/faults', { method: 'DELETE' });
      sse.close();
    }
  });

  it('checks Origin and caps streams per user', async () => {
    const evil = await openSse(stack.bffUrl, {
      cookie: browser.cookieHeader,
      origin: 'https://evil.example',
    });
    expect(evil.status).toBe(403);
    const allowed = await openSse(stack.bffUrl, {
      cookie: browser.cookieHeader,
      origin: 'https://shop.example',
    });
    expect(allowed.status).toBe(200);
    const more = [
      await openSse(stack.bffUrl, { cookie: browser.cookieHeader }),
      await openSse(stack.bffUrl, { cookie: browser.cookieHeader }),
    ];
    const over = await openSse(stack.bffUrl, { cookie: browser.cookieHeader });
    expect(over.status).toBe(429);
    for (const c of [allowed, ...more]) c.close();
  });

  it('disconnects a client that stops reading instead of buffering without bound', async () => {
    const slow = await startStack({ bff: { sse: { maxBufferedBytes: 2048, heartbeatMs: 5 } } });
    try {
      const user = slow.client();
      await user.get('/api/me');
      const closed = new Promise<void>((resolve) => {
        const req = http.get(
          `${slow.bffUrl}/api/events`,
          { headers: { cookie: user.cookieHeader } },
          (res) => {
            res.pause(); // never reads: the socket and then the server's buffer fill up
            res.on('close', () => resolve());
          },
        );
        req.on('error', () => resolve());
      });
      const me = (await user.get('/api/me')).body.id as string;
      await waitFor(
        async () => slow.app.hub.size,
        (n) => n === 1,
      );
      const pad = 'x'.repeat(64 * 1024);
      for (let i = 1; i <= 200 && slow.app.hub.size > 0; i++) {
        const envelope = {
          id: String(i),
          type: 'esp.status',
          occurredAt: new Date().toISOString(),
          data: { pad },
        };
        slow.app.hub.publish([{ tx: 0n, seq: BigInt(i), ownerId: me, audience: 'user', envelope }]);
        await new Promise((r) => setTimeout(r, 1));
      }
      expect(slow.app.hub.size).toBe(0);
      await closed;
    } finally {
      await slow.close();
    }
  }, 30_000);

  it('calls the host onEvent hook for each event, retrying while it throws', async () => {
    await waitFor(
      async () => hooked.filter((e) => e.type === 'esp.status').length,
      (n) => n >= 1,
      1500,
    );
    expect(failuresLeft).toBeLessThan(0);
  }, 20_000);

  it('ends the stream when its user signs out, and the browser comes back as the new user at once', async () => {
    const leaving = stack.client();
    await leaving.get('/api/me');
    const staying = stack.client();
    await staying.get('/api/me');
    const stream = await openSse(stack.bffUrl, { cookie: leaving.cookieHeader });
    const other = await openSse(stack.bffUrl, { cookie: staying.cookieHeader });
    let otherClosed = false;
    void other.closed.then(() => {
      otherClosed = true;
    });
    const before = (await leaving.get('/api/me')).body.id;
    expect((await leaving.request('DELETE', '/api/session')).status).toBe(200);
    await stream.closed;
    // Come back at once, and from where this stream stood even though no event had reached it.
    expect(stream.events).toEqual([]);
    expect(stream.retryMs).toBeLessThanOrEqual(100);
    expect(stream.lastEventId).toMatch(/^\d+$/);
    const again = await openSse(stack.bffUrl, { cookie: leaving.cookieHeader });
    expect(again.status).toBe(200);
    expect((await leaving.get('/api/me')).body.id).not.toBe(before);
    expect(otherClosed).toBe(false);
    again.close();
    other.close();
  });
});
