import { pathOf, type RouteName, routes } from '@mandarin-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError.js';
import { type BffClient, createBffClient } from './createBffClient.js';

const WALLET = '0f8fad5b-d9cb-469f-a165-70867728950e';
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function clientAnswering(response: Response | (() => Promise<Response>)) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
    typeof response === 'function' ? response() : response,
  );
  return { client: createBffClient({ baseUrl: 'https://shop.example/', fetch }), fetch };
}

describe('createBffClient', () => {
  it('reads with cookies and no CSRF header, and validates the view', async () => {
    const { client, fetch } = clientAnswering(
      json(200, { walletId: WALLET, balance: { amount: '15000.75', currency: 'RUB' }, status: 'Success' }),
    );
    const view = await client.getBalance(WALLET);
    expect(view.balance.amount).toBe('15000.75');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`https://shop.example/api/wallets/${WALLET}/balance`);
    expect(init?.credentials).toBe('include');
    expect(init?.headers).not.toHaveProperty('X-CSRF');
  });

  it('sends X-CSRF on every non-GET and an Idempotency-Key on money calls', async () => {
    const operation = {
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      kind: 'payout_sbp',
      status: 'pending',
      amount: { amount: '10.00', currency: 'RUB' },
      walletId: WALLET,
      createdAt: 'x',
      updatedAt: 'x',
      destinationMasked: null,
      failure: null,
      sbp: null,
    };
    const { client, fetch } = clientAnswering(async () => json(201, operation));
    await client.createPayout(
      WALLET,
      { amount: '10.00', destination: { type: 'card_number', cardNumber: '4111111111111111' } },
      { idempotencyKey: 'action-key-1' },
    );
    await client.confirmSbpPayout(operation.id);
    const first = fetch.mock.calls[0]![1]!.headers as Record<string, string>;
    const second = fetch.mock.calls[1]![1]!.headers as Record<string, string>;
    expect(first).toMatchObject({ 'X-CSRF': '1', 'Idempotency-Key': 'action-key-1' });
    expect(second['X-CSRF']).toBe('1');
    expect(second['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toMatchObject({ amount: '10.00' });
  });

  it('turns an error body into an ApiError with code, fields and request id', async () => {
    const { client } = clientAnswering(
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid',
          fields: { 'document.serial': ['Passport series must be 4 digits'] },
          requestId: 'req-42',
        },
      }),
    );
    const error = await client.listWallets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      requestId: 'req-42',
      fields: { 'document.serial': ['Passport series must be 4 digits'] },
      retryable: false,
    });
  });

  it('reports a network failure as NETWORK and Retry-After on RATE_LIMITED', async () => {
    const down = clientAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(down.client.me()).rejects.toMatchObject({ code: 'NETWORK', status: 0, retryable: true });
    const limited = clientAnswering(
      json(
        429,
        { error: { code: 'RATE_LIMITED', message: 'Slow down', requestId: 'r' } },
        { 'Retry-After': '7' },
      ),
    );
    await expect(limited.client.me()).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7 });
  });

  it('refuses an answer that does not match the view, and a proxy page as INTERNAL', async () => {
    const odd = clientAnswering(json(200, { walletId: WALLET, balance: 15000.75 }));
    await expect(odd.client.getBalance(WALLET)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    const proxy = clientAnswering(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(proxy.client.me()).rejects.toMatchObject({ code: 'INTERNAL', status: 502, retryable: true });
  });

  it('passes an abort through untouched', async () => {
    const controller = new AbortController();
    const { client } = clientAnswering(() => {
      controller.abort();
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    });
    await expect(client.me({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('lists, starts binding (Idempotency-Key) and removes cards (X-CSRF, 204)', async () => {
    const card = 'c0ffee00-1234-4abc-8def-0123456789ab';
    const answers = [
      json(200, { cards: [] }),
      json(201, { id: card, status: 'pending', jsOperationId: 'js-1', payUrl: 'https://pay.example/1' }),
      new Response(null, { status: 204 }),
    ];
    const { client, fetch } = clientAnswering(async () => answers.shift()!);
    expect(await client.listCards()).toEqual({ cards: [] });
    const started = await client.startCardBinding(undefined, { idempotencyKey: 'bind-1' });
    expect(started.jsOperationId).toBe('js-1');
    await expect(client.removeCard(card)).resolves.toBeUndefined();
    const [list, start, remove] = fetch.mock.calls;
    expect(list![0]).toBe('https://shop.example/api/cards');
    expect(start![1]).toMatchObject({ method: 'POST', body: '{}' });
    expect(start![1]!.headers).toMatchObject({ 'X-CSRF': '1', 'Idempotency-Key': 'bind-1' });
    expect(remove![0]).toBe(`https://shop.example/api/cards/${card}`);
    expect(remove![1]).toMatchObject({
      method: 'DELETE',
      headers: expect.objectContaining({ 'X-CSRF': '1' }),
    });
  });

  describe('a new visitor whose page sends its first calls together', () => {
    /**
     * A BFF with the default anonymous session, and a browser's cookie jar: a call without the cookie becomes
     * a new user and its answer sets the cookie; answers arrive a little later than the calls leave.
     */
    function browserAndBff() {
      let jar: string | null = null;
      let users = 0;
      const seenAs: string[] = [];
      const fetch = async (input: RequestInfo | URL) => {
        const user = jar ?? `user-${++users}`;
        seenAs.push(`${String(input).replace('https://shop.example', '')} as ${user}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        jar = user;
        return json(
          200,
          String(input).endsWith('/api/me') ? { id: user, roles: ['customer'] } : { wallets: [] },
        );
      };
      // Each tab of the site is its own client (its own gate) over the one cookie jar.
      const tab = () => createBffClient({ baseUrl: 'https://shop.example', fetch });
      return { client: tab(), tab, seenAs };
    }

    /** The Web Locks a browser shares between the tabs of a site: one holder per name, the rest queue. */
    function webLocks() {
      const queues = new Map<string, Promise<unknown>>();
      return {
        request<T>(name: string, callback: () => Promise<T>): Promise<T> {
          const granted = (queues.get(name) ?? Promise.resolve()).then(callback);
          queues.set(
            name,
            granted.catch(() => {}),
          );
          return granted;
        },
      };
    }

    it('stays one user: the first call goes alone and the others follow its answer', async () => {
      const { client, seenAs } = browserAndBff();
      await Promise.all([client.listWallets(), client.me(), client.listWallets(), client.ready()]);
      expect(seenAs).toEqual(['/api/wallets as user-1', '/api/me as user-1', '/api/wallets as user-1']);
    });

    it('opens the event stream only once the session exists (ready asks /api/me when nothing was sent)', async () => {
      const { client, seenAs } = browserAndBff();
      await client.ready();
      await client.ready();
      expect(seenAs).toEqual(['/api/me as user-1']);
    });

    it('stays one user across tabs opened together, where the browser has Web Locks', async () => {
      vi.stubGlobal('navigator', { locks: webLocks() });
      try {
        const { client, tab, seenAs } = browserAndBff();
        const other = tab();
        await Promise.all([client.listWallets(), other.me(), other.listWallets(), client.ready()]);
        expect(seenAs).toEqual(['/api/wallets as user-1', '/api/me as user-1', '/api/wallets as user-1']);
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it('lets the next call go first when the first one never reached the BFF', async () => {
      let calls = 0;
      const fetch = vi.fn(async () => {
        calls++;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return json(200, { wallets: [] });
      });
      const client = createBffClient({ baseUrl: '', fetch });
      const [first, second] = await Promise.allSettled([client.listWallets(), client.listWallets()]);
      expect(first).toMatchObject({ status: 'rejected', reason: { code: 'NETWORK' } });
      expect(second).toMatchObject({ status: 'fulfilled', value: { wallets: [] } });
    });
  });

  it('calls every route of the table with its method and path, a body or query where it takes one, a key where it needs one', async () => {
    const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const body = { marker: 'body' } as never;
    const calls: {
      [N in Exclude<RouteName, 'events' | 'openApiDocument' | 'operationsCsv'>]: (c: BffClient) => unknown;
    } = {
      me: (c) => c.me(),
      signInAsOperator: (c) => c.signInAsOperator(),
      signOut: (c) => c.signOut(),
      createWallet: (c) => c.createWallet(body),
      listWallets: (c) => c.listWallets(),
      getWallet: (c) => c.getWallet(id),
      sendOtp: (c) => c.sendOtp(id),
      verifyOtp: (c) => c.verifyOtp(id, body),
      getBalance: (c) => c.getBalance(id),
      createTopUp: (c) => c.createTopUp(id, body),
      createPayout: (c) => c.createPayout(id, body),
      listOperations: (c) => c.listOperations(id, { kind: ['top_up', 'deposit'], limit: 5 }),
      deposit: (c) => c.deposit(id, body),
      withdraw: (c) => c.withdraw(id, body),
      createTransitPayout: (c) => c.createTransitPayout(body),
      getOperation: (c) => c.getOperation(id),
      getSbpRecipient: (c) => c.getSbpRecipient(id),
      confirmSbpPayout: (c) => c.confirmSbpPayout(id),
      rejectSbpPayout: (c) => c.rejectSbpPayout(id),
      listSbpBanks: (c) => c.listSbpBanks('Сбер'),
      createPayment: (c) => c.createPayment(body),
      createRecurringPayment: (c) => c.createRecurringPayment(body),
      listPayments: (c) => c.listPayments({ status: ['success'], orderId: 'o-1' }),
      getPayment: (c) => c.getPayment(id),
      completePayment: (c) => c.completePayment(id, body),
      releasePayment: (c) => c.releasePayment(id),
      createRefund: (c) => c.createRefund(id, body),
      linkSubMerchant: (c) => c.linkSubMerchant(body),
      listSubMerchants: (c) => c.listSubMerchants(),
      renameSubMerchant: (c) => c.renameSubMerchant(id, body),
      listCards: (c) => c.listCards(),
      startCardBinding: (c) => c.startCardBinding(body),
      removeCard: (c) => c.removeCard(id),
    };
    const queries: Partial<Record<RouteName, string>> = {
      listOperations: '?kind=top_up%2Cdeposit&limit=5',
      listSbpBanks: `?query=${encodeURIComponent('Сбер')}`,
      listPayments: '?status=success&orderId=o-1',
    };
    for (const [name, call] of Object.entries(calls) as [RouteName, (c: BffClient) => unknown][]) {
      const { client, fetch } = clientAnswering(json(200, {}));
      await (call(client) as Promise<unknown>).catch(() => undefined);
      const route: { method: string; path: string; body?: true; idempotent?: true | 'optional' } =
        routes[name];
      const [url, init] = fetch.mock.calls[0]!;
      const headers = init!.headers as Record<string, string>;
      expect({ name, method: init!.method, url }).toEqual({
        name,
        method: route.method,
        url: `https://shop.example${pathOf(route.path, [id])}${queries[name] ?? ''}`,
      });
      expect({ name, body: init!.body }).toEqual({
        name,
        body: route.body ? JSON.stringify(body) : undefined,
      });
      expect({ name, key: 'Idempotency-Key' in headers }).toEqual({
        name,
        key: route.idempotent !== undefined,
      });
    }
  });

  it('gives the URLs of the event stream and of the CSV download from the table', () => {
    const { client } = clientAnswering(json(200, {}));
    expect(client.eventsUrl).toBe('https://shop.example/api/events');
    expect(client.operationsCsvUrl(WALLET, { status: ['success'] })).toBe(
      `https://shop.example/api/wallets/${WALLET}/operations.csv?status=success`,
    );
  });
});
