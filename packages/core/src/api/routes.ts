// The browser API's routes: name, method and path template, and whether a call needs an `Idempotency-Key`.
// This is the light half of the contract, the half the browser bundle carries (no zod here); the other half,
// `contract.ts`, gives each route its params, query, body, answers, error codes and callers, for the BFF's
// router and the OpenAPI document. Both are keyed by the same names, so that renaming a route or its path
// breaks the BFF, the UI client and the UI test fake at compile time.

/** An HTTP method of the browser API. */
export type RouteMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A route of the browser API: method, path template (`/api/wallets/:walletId/balance`), Idempotency-Key. */
export interface RouteRef {
  readonly method: RouteMethod;
  readonly path: `/api/${string}`;
  /**
   * `true`: the call moves money or creates something, and must carry an `Idempotency-Key` (the BFF performs it
   * once per key). `'optional'`: the UI client sends one (the call is a user's decision), the BFF does not need it.
   */
  readonly idempotent?: true | 'optional';
}

/** Every route of the browser API, by the name the UI client's method has. */
export const routes = {
  me: { method: 'GET', path: '/api/me' },
  signInAsOperator: { method: 'POST', path: '/api/session/operator' },
  signOut: { method: 'DELETE', path: '/api/session' },
  events: { method: 'GET', path: '/api/events' },
  openApiDocument: { method: 'GET', path: '/api/openapi.json' },

  createWallet: { method: 'POST', path: '/api/wallets', idempotent: true },
  listWallets: { method: 'GET', path: '/api/wallets' },
  getWallet: { method: 'GET', path: '/api/wallets/:walletId' },
  sendOtp: { method: 'POST', path: '/api/wallets/:walletId/otp/send' },
  verifyOtp: { method: 'POST', path: '/api/wallets/:walletId/otp/verify' },
  getBalance: { method: 'GET', path: '/api/wallets/:walletId/balance' },
  createTopUp: { method: 'POST', path: '/api/wallets/:walletId/top-ups', idempotent: true },
  createPayout: { method: 'POST', path: '/api/wallets/:walletId/payouts', idempotent: true },
  listOperations: { method: 'GET', path: '/api/wallets/:walletId/operations' },
  operationsCsv: { method: 'GET', path: '/api/wallets/:walletId/operations.csv' },
  deposit: { method: 'POST', path: '/api/wallets/:walletId/deposits', idempotent: true },
  withdraw: { method: 'POST', path: '/api/wallets/:walletId/withdrawals', idempotent: true },
  createTransitPayout: { method: 'POST', path: '/api/transit-payouts', idempotent: true },

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
  listSbpBanks: { method: 'GET', path: '/api/sbp/banks' },

  createPayment: { method: 'POST', path: '/api/payments', idempotent: true },
  createRecurringPayment: { method: 'POST', path: '/api/payments/recurring', idempotent: true },
  listPayments: { method: 'GET', path: '/api/payments' },
  getPayment: { method: 'GET', path: '/api/payments/:paymentId' },
  completePayment: { method: 'POST', path: '/api/payments/:paymentId/complete', idempotent: true },
  releasePayment: { method: 'POST', path: '/api/payments/:paymentId/release', idempotent: true },
  createRefund: { method: 'POST', path: '/api/payments/:paymentId/refunds', idempotent: true },

  linkSubMerchant: { method: 'POST', path: '/api/sub-merchants', idempotent: true },
  listSubMerchants: { method: 'GET', path: '/api/sub-merchants' },
  renameSubMerchant: { method: 'PATCH', path: '/api/sub-merchants/:subMerchantId' },

  listCards: { method: 'GET', path: '/api/cards' },
  startCardBinding: { method: 'POST', path: '/api/cards', idempotent: true },
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

/** Fills a path template with its parameters, each URL-encoded: `/api/wallets/0f8f…/balance`. */
export function pathOf(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
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
