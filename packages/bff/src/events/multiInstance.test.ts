import { createHash } from 'node:crypto';
import { sandboxKyc } from '@mandarin-kit/emulator';
import { expect, it } from 'vitest';
import { compareCursor, parseCursor } from '../store/events.js';
import { onboardWallet } from '../testkit/flows.js';
import { describePostgres } from '../testkit/postgres.js';
import { postgresPairSuite } from '../testkit/postgresPair.js';
import { openSse } from '../testkit/sse.js';

const secret = 'emulator-merchant-secret';
const signed = (fields: Record<string, string>) => {
  const keys = Object.keys(fields).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sign = createHash('sha256')
    .update(`${keys.map((k) => fields[k]).join('-')}-${secret}`)
    .digest('hex');
  return new URLSearchParams({ ...fields, sign }).toString();
};
const post = (url: string, body: string) =>
  fetch(`${url}/callbacks/mandarin`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });

describePostgres('several BFF instances on one PostgreSQL database', () => {
  const { stack, second } = postgresPairSuite();

  it('relays a callback received by instance A to an SSE client on instance B, once', async () => {
    const operator = stack.client(second.url);
    await operator.post('/api/session/operator');
    const sse = await openSse(second.url, { cookie: operator.cookieHeader });
    const body = signed({
      orderId: 'multi-1',
      transaction: 'aaaa0000aaaa0000aaaa0000aaaa0001',
      status: 'success',
    });
    expect((await post(stack.bffUrl, body)).status).toBe(200);
    expect((await post(second.url, body)).status).toBe(200); // the same callback at the other instance: deduped
    await sse.waitFor((es) => es.some((e) => (e.data as { orderId: string }).orderId === 'multi-1'));
    // A later callback's event comes after any repeat of the first, events being relayed in order: wait for it.
    const later = signed({
      orderId: 'multi-1-later',
      transaction: 'aaaa0000aaaa0000aaaa0000aaaa0002',
      status: 'success',
    });
    expect((await post(stack.bffUrl, later)).status).toBe(200);
    await sse.waitFor((es) => es.some((e) => (e.data as { orderId: string }).orderId === 'multi-1-later'));
    expect(sse.events.filter((e) => (e.data as { orderId: string }).orderId === 'multi-1')).toHaveLength(1);
    expect(await stack.store.inbox.count('mandarin')).toBe(2); // the first, stored once, and the later one
    sse.close();
  });

  it('ends a user’s streams on every instance when their session changes; reconnected, they have the new roles', async () => {
    const user = stack.client(second.url);
    await user.get('/api/me');
    const bystander = stack.client(second.url);
    await bystander.get('/api/me');
    const asCustomer = await openSse(second.url, { cookie: user.cookieHeader });
    const theirs = await openSse(second.url, { cookie: bystander.cookieHeader });
    // The user becomes an operator through instance A; the stream they hold on instance B ends.
    const viaA = stack.client().withCookieOf(user);
    expect((await viaA.post('/api/session/operator')).status).toBe(200);
    await asCustomer.closed;
    // Reconnected with the cookie the browser now has, the same user sees the operator stream.
    const asOperator = await openSse(second.url, { cookie: viaA.cookieHeader });
    const body = signed({
      orderId: 'multi-session-1',
      transaction: 'aaaa0000aaaa0000aaaa0000aaaa0009',
      status: 'success',
    });
    expect((await post(stack.bffUrl, body)).status).toBe(200);
    await asOperator.waitFor((es) =>
      es.some((e) => (e.data as { orderId: string }).orderId === 'multi-session-1'),
    );
    // Nobody else's stream was touched, and a customer still doesn't see the operator event: the bystander's own
    // next event (their wallet opening) arrives on the same stream, after where the operator event would have.
    await onboardWallet(stack, bystander);
    await theirs.waitFor((es) => es.some((e) => e.type === 'esp.status'));
    expect(theirs.events.filter((e) => e.type !== 'esp.status')).toEqual([]);
    asOperator.close();
    theirs.close();
  });

  it('keeps events in one order across instances for a client that resumes elsewhere', async () => {
    const operator = stack.client();
    await operator.post('/api/session/operator');
    const onA = await openSse(stack.bffUrl, { cookie: operator.cookieHeader });
    for (let i = 0; i < 20; i++) {
      const body = signed({
        orderId: `order-${i}`,
        transaction: `bbbb0000bbbb0000bbbb0000bbbb${String(i).padStart(4, '0')}`,
        status: 'success',
      });
      expect((await post(i % 2 === 0 ? stack.bffUrl : second.url, body)).status).toBe(200);
    }
    await onA.waitFor(
      (es) => es.filter((e) => (e.data as { orderId: string }).orderId?.startsWith('order-')).length === 20,
    );
    // Positions in the log (`tx-seq` on PostgreSQL): strictly increasing, so none repeats and none is out of order.
    const ids = onA.events.map((e) => e.id);
    const positions = ids.map((id) => parseCursor(id)!);
    for (let i = 1; i < positions.length; i++) {
      expect(compareCursor(positions[i - 1]!, positions[i]!)).toBeLessThan(0);
    }
    onA.close();
    const resumed = await openSse(second.url, {
      cookie: operator.cookieHeader,
      'last-event-id': ids[ids.length - 5]!,
    });
    await resumed.waitFor((es) => es.length === 4);
    expect(resumed.events.map((e) => e.id)).toEqual(ids.slice(-4));
    resumed.close();
  });

  it('gives streams on both instances the same order when both take callbacks at once, and resumes exactly across them', async () => {
    const operator = stack.client();
    await operator.post('/api/session/operator');
    const onA = await openSse(stack.bffUrl, { cookie: operator.cookieHeader });
    const onB = await openSse(second.url, { cookie: operator.cookieHeader });
    const mine = (es: typeof onA.events) =>
      es.filter((e) => (e.data as { orderId?: string }).orderId?.startsWith('together-'));
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(
          i % 2 === 0 ? stack.bffUrl : second.url,
          signed({
            orderId: `together-${i}`,
            transaction: `cccc0000cccc0000cccc0000cccc${String(i).padStart(4, '0')}`,
            status: 'success',
          }),
        ).then((r) => r.status),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    await onA.waitFor((es) => mine(es).length === 40);
    await onB.waitFor((es) => mine(es).length === 40);
    const idsA = mine(onA.events).map((e) => e.id);
    expect(mine(onB.events).map((e) => e.id)).toEqual(idsA);
    expect(new Set(mine(onA.events).map((e) => (e.data as { orderId: string }).orderId)).size).toBe(40);
    const positions = idsA.map((id) => parseCursor(id)!);
    for (let i = 1; i < positions.length; i++) {
      expect(compareCursor(positions[i - 1]!, positions[i]!)).toBeLessThan(0);
    }
    onA.close();
    onB.close();
    const resumed = await openSse(second.url, { cookie: operator.cookieHeader, 'last-event-id': idsA[9]! });
    await resumed.waitFor((es) => mine(es).length === 30);
    // Anything repeated would come before a later event: send one and wait for it.
    const last = signed({
      orderId: 'after-resume',
      transaction: 'cccc0000cccc0000cccc0000cccc9999',
      status: 'success',
    });
    expect((await post(second.url, last)).status).toBe(200);
    await resumed.waitFor((es) =>
      es.some((e) => (e.data as { orderId?: string }).orderId === 'after-resume'),
    );
    expect(mine(resumed.events).map((e) => e.id)).toEqual(idsA.slice(10));
    resumed.close();
  });

  it('shares rate limits between instances', async () => {
    const browser = stack.client();
    const created = await browser.post('/api/wallets', sandboxKyc());
    const id: string = created.body.id;
    const viaB = stack.client(second.url).withCookieOf(browser);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await (i % 2 === 0 ? browser : viaB).post(`/api/wallets/${id}/otp/send`)).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});
