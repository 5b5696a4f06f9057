import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import { createOpenApiDocument, routes } from '@mandarin-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffApp, createBff } from '../createBff.js';
import { createLogger } from '../log/createLogger.js';
import { Store } from '../store/Store.js';
import { ContractViolation, checkContract } from '../testkit/checkContract.js';
import { ok, route, routeTableDrift, servedRoutes } from './route.js';

const mandarin = {
  baseUrls: {
    oauth: 'http://127.0.0.1:9',
    esp: 'http://127.0.0.1:9',
    classic: 'http://127.0.0.1:9',
    routing: 'http://127.0.0.1:9',
    accounts: 'http://127.0.0.1:9',
  },
  clientId: 'id',
  clientSecret: 'secret',
  merchantId: '1',
  secret: 'secret',
  timeoutMs: 1000,
};

describe('the /api router and the route table', () => {
  it('finds a served route the table lacks, and a table route nobody serves', () => {
    const router = new Router({ prefix: '/api' });
    route(router, 'me', () => ok({ id: 'u', roles: ['customer'] }));
    router.get('/wallets/:walletId/secret-export', (ctx) => {
      ctx.body = {};
    });
    const drift = routeTableDrift(servedRoutes(router));
    expect(drift.undeclared).toEqual(['GET /api/wallets/:walletId/secret-export']);
    expect(drift.unserved).toContain('GET /api/wallets/:walletId/balance');
    expect(drift.unserved).not.toContain('GET /api/me');
    expect(drift.unserved).toHaveLength(Object.keys(routes).length - 1);
  });

  it('registers the method and path of the table', () => {
    const router = new Router({ prefix: '/api' });
    route(router, 'removeCard', () => ({ status: 204 as const, body: undefined }));
    expect(servedRoutes(router)).toEqual([{ method: 'DELETE', path: '/api/cards/:cardId' }]);
  });
});

describe('a BFF', () => {
  let store: Store;
  let bff: BffApp;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    store = await Store.openSqlite(':memory:');
    // A host that signs users in itself: `X-User` names the user; without it every route but the document is 401.
    bff = createBff({
      store,
      mandarin,
      resolveUser: async (ctx) =>
        ctx.get('x-user') ? { id: ctx.get('x-user'), roles: ['customer'] } : undefined,
      logger: createLogger({ level: 'silent' }),
      reconcile: false,
    });
    await bff.ready;
    server = await new Promise((resolve) => {
      const s = bff.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await bff.shutdown({ server });
    await store.close();
  });

  it('serves its OpenAPI document to anyone, cacheable, as the table generates it', async () => {
    const response = await fetch(`${url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(createOpenApiDocument())));
    const me = await fetch(`${url}/api/me`);
    expect(me.status).toBe(401);
  });

  it('answers the built-in session’s routes 404 when the host signs users in itself', async () => {
    for (const r of [routes.signOut, routes.signInAsOperator]) {
      const response = await fetch(`${url}${r.path}`, {
        method: r.method,
        headers: { 'x-csrf': '1', 'x-user': 'host-user-1' },
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
    const me = await fetch(`${url}/api/me`, { headers: { 'x-user': 'host-user-1' } });
    expect(await me.json()).toEqual({ id: 'host-user-1', roles: ['customer'] });
  });
});

describe('checkContract', () => {
  const headers = new Headers({ 'x-request-id': 'req-1', 'content-type': 'application/json' });
  const answer = (status: number, body: unknown) => ({ status, headers, body, text: JSON.stringify(body) });
  const balance = new URL('http://bff.test/api/wallets/0f8fad5b-d9cb-469f-a165-70867728950e/balance');

  it('accepts the declared view and refuses a renamed field', () => {
    const view = {
      walletId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      balance: { amount: '10.00', currency: 'RUB' },
      status: 'Success',
    };
    expect(() => checkContract('GET', balance, answer(200, view))).not.toThrow();
    const { balance: money, ...rest } = view;
    expect(() => checkContract('GET', balance, answer(200, { ...rest, amount: money }))).toThrow(
      ContractViolation,
    );
  });

  it('refuses a status the route does not declare, and an error code it does not answer', () => {
    expect(() => checkContract('GET', balance, answer(201, {}))).toThrow(/declares no 201 answer/);
    const funds = { error: { code: 'INSUFFICIENT_FUNDS', message: 'x', requestId: 'r' } };
    expect(() => checkContract('GET', balance, answer(422, funds))).toThrow(
      /not an error code of route getBalance/,
    );
    const notFound = { error: { code: 'NOT_FOUND', message: 'x', requestId: 'r' } };
    expect(() => checkContract('GET', balance, answer(404, notFound))).not.toThrow();
    expect(() => checkContract('GET', balance, answer(409, notFound))).toThrow(/answered with 404/);
  });

  it('refuses a success on a path of no route, and an error that is not the error body', () => {
    const nowhere = new URL('http://bff.test/api/wallets/x/export');
    expect(() => checkContract('GET', nowhere, answer(200, {}))).toThrow(/no route/);
    expect(() => checkContract('GET', nowhere, answer(404, { message: 'no' }))).toThrow(/not the error body/);
  });
});
