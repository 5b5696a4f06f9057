import {
  balanceViewSchema,
  cardBindingStartedViewSchema,
  cardListViewSchema,
  type completePaymentBodySchema,
  type createPaymentBodySchema,
  type createPayoutBodySchema,
  type createRecurringPaymentBodySchema,
  type createRefundBodySchema,
  type createTopUpBodySchema,
  type createTransitPayoutBodySchema,
  type EspKycFormValues,
  type linkSubMerchantBodySchema,
  meViewSchema,
  type OperationHistoryFilter,
  type OtpVerifyBody,
  operationPageViewSchema,
  operationViewSchema,
  otpSentViewSchema,
  otpVerifiedViewSchema,
  type PaymentListFilter,
  paymentListViewSchema,
  paymentViewSchema,
  type RenameSubMerchantBody,
  refundViewSchema,
  sbpBankListViewSchema,
  sbpRecipientViewSchema,
  type startCardBindingBodySchema,
  subMerchantListViewSchema,
  subMerchantViewSchema,
  type WalletTransferBody,
  walletListViewSchema,
  walletViewSchema,
} from '@mandarin-kit/core';
import { z } from 'zod';
import { createIdempotencyKey } from './idempotencyKey.js';
import { type CallOptions, createRequester, createSessionGate, type MutationOptions } from './request.js';

/** Options of {@link createBffClient}. */
export interface BffClientOptions {
  /** Where the BFF answers, without `/api` (`''` for the same origin, `https://shop.example`). */
  baseUrl: string;
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
}

// `204 No Content`: whatever body a proxy adds is ignored.
const noContentSchema = z.unknown().transform((): void => undefined);

const id = (value: string) => encodeURIComponent(value);

/** `?kind=a,b&limit=20` from a filter: lists comma-separated, absent values left out ('' when none). */
function search(filter: Record<string, string | number | readonly string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** Every BFF endpoint as a typed call; see {@link BffClient}. */
export function createBffClient(options: BffClientOptions) {
  // Looked up on each call, not captured: a host may install or wrap fetch after the client is made.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const gate = createSessionGate();
  const request = createRequester(baseUrl, fetchImpl, gate);
  const key = (o: MutationOptions | undefined) => o?.idempotencyKey ?? createIdempotencyKey();
  const get = <S extends z.ZodType>(path: string, schema: S, o?: CallOptions) =>
    request({ method: 'GET', path, schema, signal: o?.signal });
  const post = <S extends z.ZodType>(path: string, schema: S, body?: unknown, o?: CallOptions) =>
    request({ method: 'POST', path, schema, body, signal: o?.signal });
  const postOnce = <S extends z.ZodType>(path: string, schema: S, body: unknown, o?: MutationOptions) =>
    request({
      method: 'POST',
      path,
      schema,
      body,
      idempotencyKey: key(o),
      signal: o?.signal,
    });
  const me = (o?: CallOptions) => get('/api/me', meViewSchema, o);
  const wallet = (walletId: string) => `/api/wallets/${id(walletId)}`;
  const operation = (operationId: string) => `/api/operations/${id(operationId)}`;
  const payment = (paymentId: string) => `/api/payments/${id(paymentId)}`;
  const card = (cardId: string) => `/api/cards/${id(cardId)}`;

  return {
    /** Where the BFF answers, without a trailing slash. */
    baseUrl,
    /** The URL of the live event stream (`GET /api/events`). */
    eventsUrl: `${baseUrl}/api/events`,
    /**
     * Resolves once the BFF has answered this client, so that the session cookie is set (asking `/api/me` if
     * nothing was sent yet). The provider opens the event stream after it, so that the stream listens for
     * the same user that the calls act as.
     */
    ready: (): Promise<void> => gate.opened(me),

    me,
    /** Demo only: makes the session an operator. */
    signInAsOperator: (o?: CallOptions) => post('/api/session/operator', meViewSchema, undefined, o),
    /** Ends the session; the BFF answers with a new anonymous user. */
    signOut: (o?: CallOptions) =>
      request({ method: 'DELETE', path: '/api/session', schema: meViewSchema, ...o }),

    /** Opens a wallet (ESP) from the KYC form. */
    createWallet: (body: EspKycFormValues, o?: MutationOptions) =>
      postOnce('/api/wallets', walletViewSchema, body, o),
    listWallets: (o?: CallOptions) => get('/api/wallets', walletListViewSchema, o),
    getWallet: (walletId: string, o?: CallOptions) => get(wallet(walletId), walletViewSchema, o),
    /** Sends (or re-sends) the SMS code for a wallet. */
    sendOtp: (walletId: string, o?: CallOptions) =>
      post(`${wallet(walletId)}/otp/send`, otpSentViewSchema, undefined, o),
    verifyOtp: (walletId: string, body: OtpVerifyBody, o?: CallOptions) =>
      post(`${wallet(walletId)}/otp/verify`, otpVerifiedViewSchema, body, o),
    getBalance: (walletId: string, o?: CallOptions) =>
      get(`${wallet(walletId)}/balance`, balanceViewSchema, o),
    createTopUp: (walletId: string, body: z.input<typeof createTopUpBodySchema>, o?: MutationOptions) =>
      postOnce(`${wallet(walletId)}/top-ups`, operationViewSchema, body, o),
    createPayout: (walletId: string, body: z.input<typeof createPayoutBodySchema>, o?: MutationOptions) =>
      postOnce(`${wallet(walletId)}/payouts`, operationViewSchema, body, o),
    /**
     * A page of the wallet's history, newest first: filter by kinds, statuses and period (`from` inclusive, `to`
     * exclusive, instants with their offset); pass the answer's `nextCursor` as `cursor` for the next page.
     */
    listOperations: (walletId: string, filter: OperationHistoryFilter = {}, o?: CallOptions) =>
      get(`${wallet(walletId)}/operations${search({ ...filter })}`, operationPageViewSchema, o),
    /**
     * Where the browser downloads the filtered history as CSV (an `<a href download>`: the session cookie goes
     * with it, and the BFF answers `Content-Disposition: attachment`). Every matching row, not a page.
     */
    operationsCsvUrl: (walletId: string, filter: Omit<OperationHistoryFilter, 'cursor' | 'limit'> = {}) =>
      `${baseUrl}${wallet(walletId)}/operations.csv${search({ ...filter })}`,

    getOperation: (operationId: string, o?: CallOptions) =>
      get(operation(operationId), operationViewSchema, o),
    /** Asks the recipient's bank for the full name of a two-step SBP payout's recipient. */
    getSbpRecipient: (operationId: string, o?: CallOptions) =>
      post(`${operation(operationId)}/sbp/recipient`, sbpRecipientViewSchema, undefined, o),
    confirmSbpPayout: (operationId: string, o?: MutationOptions) =>
      postOnce(`${operation(operationId)}/sbp/confirm`, operationViewSchema, undefined, o),
    rejectSbpPayout: (operationId: string, o?: MutationOptions) =>
      postOnce(`${operation(operationId)}/sbp/reject`, operationViewSchema, undefined, o),
    /** Banks of the SBP directory whose name contains `query` (all of them without one). */
    listSbpBanks: (query?: string, o?: CallOptions) =>
      get(`/api/sbp/banks${query ? `?query=${encodeURIComponent(query)}` : ''}`, sbpBankListViewSchema, o),

    /** Operator: creates a routed payment. */
    createPayment: (body: z.input<typeof createPaymentBodySchema>, o?: MutationOptions) =>
      postOnce('/api/payments', paymentViewSchema, body, o),
    /** Operator: a page of payments, newest first, by status, period and orderId; `nextCursor` for the next. */
    listPayments: (filter: PaymentListFilter = {}, o?: CallOptions) =>
      get(`/api/payments${search({ ...filter })}`, paymentListViewSchema, o),
    getPayment: (paymentId: string, o?: CallOptions) => get(payment(paymentId), paymentViewSchema, o),
    completePayment: (
      paymentId: string,
      body: z.input<typeof completePaymentBodySchema>,
      o?: MutationOptions,
    ) => postOnce(`${payment(paymentId)}/complete`, paymentViewSchema, body, o),
    createRefund: (paymentId: string, body: z.input<typeof createRefundBodySchema>, o?: MutationOptions) =>
      postOnce(`${payment(paymentId)}/refunds`, refundViewSchema, body, o),
    linkSubMerchant: (body: z.input<typeof linkSubMerchantBodySchema>, o?: MutationOptions) =>
      postOnce('/api/sub-merchants', subMerchantViewSchema, body, o),
    listSubMerchants: (o?: CallOptions) => get('/api/sub-merchants', subMerchantListViewSchema, o),
    /** Operator: names a linked sub-merchant (`label: null` clears it); `404` unless this operator linked it. */
    renameSubMerchant: (subMerchantId: string, body: RenameSubMerchantBody, o?: CallOptions) =>
      request({
        method: 'PATCH',
        path: `/api/sub-merchants/${id(subMerchantId)}`,
        schema: subMerchantViewSchema,
        body,
        signal: o?.signal,
      }),
    /** The signed-in user's bound cards, newest first (pending and failed bindings included). */
    listCards: (o?: CallOptions) => get('/api/cards', cardListViewSchema, o),
    /**
     * Starts binding a card: pay the answer's `jsOperationId` in the hosted card fields, or open its `payUrl`.
     * The result arrives as a `card_binding.status` event. Contacts default to those of the user's wallet.
     */
    startCardBinding: (body?: z.input<typeof startCardBindingBodySchema>, o?: MutationOptions) =>
      postOnce('/api/cards', cardBindingStartedViewSchema, body ?? {}, o),
    /** Removes a card from the user's list (`404` when it is not theirs). */
    removeCard: (cardId: string, o?: CallOptions): Promise<void> =>
      request({ method: 'DELETE', path: card(cardId), schema: noContentSchema, ...o }),
    /** Operator: a recurring (auto-debit) routed payment charged to a card a customer bound. */
    createRecurringPayment: (body: z.input<typeof createRecurringPaymentBodySchema>, o?: MutationOptions) =>
      postOnce('/api/payments/recurring', paymentViewSchema, body, o),
    deposit: (walletId: string, body: WalletTransferBody, o?: MutationOptions) =>
      postOnce(`${wallet(walletId)}/deposits`, operationViewSchema, body, o),
    withdraw: (walletId: string, body: WalletTransferBody, o?: MutationOptions) =>
      postOnce(`${wallet(walletId)}/withdrawals`, operationViewSchema, body, o),
    createTransitPayout: (body: z.input<typeof createTransitPayoutBodySchema>, o?: MutationOptions) =>
      postOnce('/api/transit-payouts', operationViewSchema, body, o),
  };
}

/** A typed client of the BFF's browser API; every answer is validated against its core view schema. */
export type BffClient = ReturnType<typeof createBffClient>;
