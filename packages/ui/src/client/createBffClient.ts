import {
  balanceViewSchema,
  cardBindingStartedViewSchema,
  cardListViewSchema,
  meViewSchema,
  operationPageViewSchema,
  operationViewSchema,
  otpSentViewSchema,
  otpVerifiedViewSchema,
  pathOf,
  paymentListViewSchema,
  paymentViewSchema,
  type RouteName,
  type RouteRef,
  type RouteView,
  refundViewSchema,
  routes,
  sbpBankListViewSchema,
  sbpRecipientViewSchema,
  subMerchantListViewSchema,
  subMerchantViewSchema,
  walletListViewSchema,
  walletViewSchema,
} from '@mandarin-kit/core';
import { z } from 'zod';
import type { BffClient } from './BffClient.js';
import { createIdempotencyKey } from './idempotencyKey.js';
import { createRequester, createSessionGate, type MutationOptions } from './request.js';

export type { BffClient } from './BffClient.js';

/** Options of {@link createBffClient}. */
export interface BffClientOptions {
  /** Where the BFF answers, without `/api` (`''` for the same origin, `https://shop.example`). */
  baseUrl: string;
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** The routes the client calls and reads as JSON (the event stream and the CSV download are URLs). */
type CalledRoute = Exclude<RouteName, 'events' | 'openApiDocument' | 'operationsCsv'>;

// The view each route answers, validated on arrival; typed by the route table, so that a route whose view
// changes in core must change here too. `204 No Content`: whatever body a proxy adds is ignored.
const views: { [N in CalledRoute]: z.ZodType<RouteView<N>> } = {
  me: meViewSchema,
  signInAsOperator: meViewSchema,
  signOut: meViewSchema,
  createWallet: walletViewSchema,
  listWallets: walletListViewSchema,
  getWallet: walletViewSchema,
  sendOtp: otpSentViewSchema,
  verifyOtp: otpVerifiedViewSchema,
  getBalance: balanceViewSchema,
  createTopUp: operationViewSchema,
  createPayout: operationViewSchema,
  listOperations: operationPageViewSchema,
  deposit: operationViewSchema,
  withdraw: operationViewSchema,
  createTransitPayout: operationViewSchema,
  getOperation: operationViewSchema,
  getSbpRecipient: sbpRecipientViewSchema,
  confirmSbpPayout: operationViewSchema,
  rejectSbpPayout: operationViewSchema,
  listSbpBanks: sbpBankListViewSchema,
  createPayment: paymentViewSchema,
  createRecurringPayment: paymentViewSchema,
  listPayments: paymentListViewSchema,
  getPayment: paymentViewSchema,
  completePayment: paymentViewSchema,
  releasePayment: paymentViewSchema,
  createRefund: refundViewSchema,
  linkSubMerchant: subMerchantViewSchema,
  listSubMerchants: subMerchantListViewSchema,
  renameSubMerchant: subMerchantViewSchema,
  listCards: cardListViewSchema,
  startCardBinding: cardBindingStartedViewSchema,
  removeCard: z.unknown().transform((): undefined => undefined),
};

/** `?kind=a,b&limit=20` from a filter: lists comma-separated, absent values left out ('' when none). */
function search(filter: object = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter) as [string, unknown][]) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/**
 * A client of the BFF at `options.baseUrl`; see {@link BffClient}. Each method is route `name` of the table, its
 * arguments in the order {@link BffClient} declares them: the path parameters in the template's order, then
 * the body (or the query's filter) when the route takes one, then the call's options.
 */
export function createBffClient(options: BffClientOptions): BffClient {
  // Looked up on each call, not captured: a host may install or wrap fetch after the client is made.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const gate = createSessionGate();
  const request = createRequester(baseUrl, fetchImpl, gate);
  const client: Record<string, unknown> = {
    baseUrl,
    eventsUrl: baseUrl + routes.events.path,
    ready: (): Promise<void> => gate.opened(client.me as BffClient['me']),
    operationsCsvUrl: (walletId: string, filter?: object) =>
      baseUrl + pathOf(routes.operationsCsv.path, [walletId]) + search(filter),
  };
  for (const name of Object.keys(views) as CalledRoute[]) {
    const route: RouteRef = routes[name];
    const params = route.path.split(':').length - 1;
    client[name] = (...args: unknown[]) => {
      const input = route.body || route.query ? args[params] : undefined;
      const call = args[params + (route.body || route.query ? 1 : 0)] as MutationOptions | undefined;
      return request({
        method: route.method,
        path:
          pathOf(route.path, args.slice(0, params) as string[]) +
          // `listSbpBanks(query)` takes the search text itself.
          (route.query
            ? search(typeof input === 'string' ? { query: input || undefined } : (input ?? {}))
            : ''),
        schema: views[name],
        body: route.body ? (input ?? {}) : undefined,
        idempotencyKey: route.idempotent ? (call?.idempotencyKey ?? createIdempotencyKey()) : undefined,
        signal: call?.signal,
      });
    };
  }
  return client as unknown as BffClient;
}
