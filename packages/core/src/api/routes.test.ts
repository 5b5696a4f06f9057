import { describe, expect, it } from 'vitest';
import { contract } from './contract.js';
import { findRoute, matchPath, pathOf, type RouteName, routes } from './routes.js';

describe('the route table', () => {
  it('fills a template in order, each value URL-encoded', () => {
    expect(pathOf('/api/wallets/:walletId/balance', ['0f8f'])).toBe('/api/wallets/0f8f/balance');
    expect(pathOf('/api/cards/:cardId', ['a/b c'])).toBe('/api/cards/a%2Fb%20c');
  });

  it('matches a path to a template and decodes its parameters, as the BFF’s router does', () => {
    expect(matchPath('/api/cards/:cardId', '/api/cards/a%2Fb')).toEqual({ cardId: 'a/b' });
    expect(matchPath('/api/wallets/:walletId/operations.csv', '/api/wallets/w1/operations.csv')).toEqual({
      walletId: 'w1',
    });
    expect(
      matchPath('/api/wallets/:walletId/operations.csv', '/api/wallets/w1/operationsXcsv'),
    ).toBeUndefined();
    expect(matchPath('/api/wallets', '/api/wallets/')).toEqual({});
    expect(matchPath('/api/wallets', '/API/Wallets')).toEqual({});
    expect(matchPath('/api/cards/:cardId', '/api/cards/')).toBeUndefined();
    expect(matchPath('/api/cards/:cardId', '/api/cards/a/b')).toBeUndefined();
    expect(matchPath('/api/cards/:cardId', '/api/cards/%E0%A4%A')).toBeUndefined();
  });

  it('finds every route by its own method and path, and no route shadows another', () => {
    for (const [name, route] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
      const path = pathOf(route.path, ['0f8fad5b-d9cb-469f-a165-70867728950e']);
      expect(findRoute(route.method, path)?.name).toBe(name);
    }
    expect(findRoute('POST', '/api/payments/recurring')?.name).toBe('createRecurringPayment');
    expect(findRoute('GET', '/api/payments/recurring')).toEqual({
      name: 'getPayment',
      params: { paymentId: 'recurring' },
    });
    expect(findRoute('PUT', '/api/wallets')).toBeUndefined();
  });

  it('has a full contract for every route and no other', () => {
    expect(Object.keys(contract).sort()).toEqual(Object.keys(routes).sort());
  });
});
