// The browser API's routes: name, method, path template, whether a call takes a body or a query, and whether it
// needs an `Idempotency-Key`. This is the light half of the contract, the half the browser bundle carries (no zod
// here); the other half, `contract.ts`, gives each route its params, query, body, answers, error codes and
// callers, for the BFF's router and the OpenAPI document. The BFF, the UI client and the UI test fake take
// method and path from here, so a changed path reaches all three at once, and a renamed route or path parameter
// breaks each of them at compile time.

/** An HTTP method of the browser API. */
export type RouteMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * A route of the browser API as a caller needs it: method, path template (`/api/wallets/:walletId/balance`),
 * whether it takes a JSON body or a query string, and whether it needs an `Idempotency-Key`.
 */
export interface RouteRef {
  readonly method: RouteMethod;
  readonly path: `/api/${string}`;
  /** It takes a JSON body (its schema is the contract's `body`). */
  readonly body?: true;
  /** It takes a query string (its schema is the contract's `query`). */
  readonly query?: true;
  /**
   * `true`: the call moves money or creates something, and must carry an `Idempotency-Key` (the BFF performs it
   * once per key). `'optional'`: the UI client sends one (the call is a user's decision), the BFF does not need it.
   */
  readonly idempotent?: true | 'optional';
}

/**
 * Every route of the browser API, by name: the UI client's method of the same name calls it (`eventsUrl` and
 * `operationsCsvUrl` are the URLs of `events` and `operationsCsv`).
 */
export const routes = {
  me: { method: 'GET', path: '/api/me' },
  signInAsOperator: { method: 'POST', path: '/api/session/operator' },
  signOut: { method: 'DELETE', path: '/api/session' },
  events: { method: 'GET', path: '/api/events' },
  openApiDocument: { method: 'GET', path: '/api/openapi.json' },

  createWallet: { method: 'POST', path: '/api/wallets', body: true, idempotent: true },
  listWallets: { method: 'GET', path: '/api/wallets' },
  getWallet: { method: 'GET', path: '/api/wallets/:walletId' },
  sendOtp: { method: 'POST', path: '/api/wallets/:walletId/otp/send' },
  verifyOtp: { method: 'POST', path: '/api/wallets/:walletId/otp/verify', body: true },
  getBalance: { method: 'GET', path: '/api/wallets/:walletId/balance' },
  createTopUp: { method: 'POST', path: '/api/wallets/:walletId/top-ups', body: true, idempotent: true },
  createPayout: { method: 'POST', path: '/api/wallets/:walletId/payouts', body: true, idempotent: true },
  listOperations: { method: 'GET', path: '/api/wallets/:walletId/operations', query: true },
  operationsCsv: { method: 'GET', path: '/api/wallets/:walletId/operations.csv', query: true },
  deposit: { method: 'POST', path: '/api/wallets/:walletId/deposits', body: true, idempotent: true },
  withdraw: { method: 'POST', path: '/api/wallets/:walletId/withdrawals', body: true, idempotent: true },
  createTransitPayout: { method: 'POST', path: '/api/transit-payouts', body: true, idempotent: true },

  getOperation: { method: 'GET', path: '/api/operations/:operationId' },
  getSbpRecipient: { method: 'POST', path: '/api/operations/:operationId/sbp/recipient' },
  confirmSbpPayout: {
    method: 'POST',
    path: '/api/operations/:operationId/sbp/confirm',
    idempotent: 'optional',
  },
  rejectSbpPayout: {
    method: 'POST',
    path: '/api/operations/:operationId/sbp/reject',
    idempotent: 'optional',
  },
  listSbpBanks: { method: 'GET', path: '/api/sbp/banks', query: true },

  createPayment: { method: 'POST', path: '/api/payments', body: true, idempotent: true },
  createRecurringPayment: { method: 'POST', path: '/api/payments/recurring', body: true, idempotent: true },
  listPayments: { method: 'GET', path: '/api/payments', query: true },
  getPayment: { method: 'GET', path: '/api/payments/:paymentId' },
  completePayment: {
    method: 'POST',
    path: '/api/payments/:paymentId/complete',
    body: true,
    idempotent: true,
  },
  releasePayment: { method: 'POST', path: '/api/payments/:paymentId/release', idempotent: true },
  createRefund: { method: 'POST', path: '/api/payments/:paymentId/refunds', body: true, idempotent: true },

  linkSubMerchant: { method: 'POST', path: '/api/sub-merchants', body: true, idempotent: true },
  listSubMerchants: { method: 'GET', path: '/api/sub-merchants' },
  renameSubMerchant: { method: 'PATCH', path: '/api/sub-merchants/:subMerchantId', body: true },

  listCards: { method: 'GET', path: '/api/cards' },
  startCardBinding: { method: 'POST', path: '/api/cards', body: true, idempotent: true },
  removeCard: { method: 'DELETE', path: '/api/cards/:cardId' },
} as const satisfies Record<string, RouteRef>;

/** The name of a browser-API route. */
export type RouteName = keyof typeof routes;

/** The `:name` parameters of a path template: `'walletId'` for `/api/wallets/:walletId/balance`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name extends `${infer Base}.${string}`
      ? Base
      : Name
    : never;

/** The path parameters of route `N`, by name. */
export type RouteParams<N extends RouteName> = { [K in PathParamNames<(typeof routes)[N]['path']>]: string };

/**
 * Fills a path template's parameters in the order they appear, each URL-encoded:
 * `pathOf('/api/wallets/:walletId/balance', [id])` is `/api/wallets/0f8f…/balance`.
 */
export function pathOf(template: string, values: readonly string[]): string {
  let i = 0;
  return template.replace(/:\w+/g, () => encodeURIComponent(values[i++] ?? ''));
}

/**
 * The parameters of `pathname` if it matches `template` (`/api/cards/:cardId` matches `/api/cards/abc`), decoded;
 * `undefined` when it does not. A parameter matches one non-empty path segment; as the BFF's router does, a
 * trailing slash and the letters' case don't matter.
 */
export function matchPath(template: string, pathname: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .split(/(:\w+)/)
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('');
  const match = new RegExp(`^${pattern}/?$`, 'i').exec(pathname);
  if (match === null) return undefined;
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
  } catch {
    return undefined; // a malformed %-escape matches no route
  }
}

/** The route `method` and `pathname` call, with its path parameters; `undefined` for a path of no route. */
export function findRoute(
  method: string,
  pathname: string,
): { name: RouteName; params: Record<string, string> } | undefined {
  for (const name of Object.keys(routes) as RouteName[]) {
    if (routes[name].method !== method) continue;
    const params = matchPath(routes[name].path, pathname);
    if (params !== undefined) return { name, params };
  }
  return undefined;
}
