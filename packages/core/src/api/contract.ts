import { z } from 'zod';
import { espKycInputSchema } from '../kyc/espKycInput.js';
import {
  completePaymentBodySchema,
  createPaymentBodySchema,
  createPayoutBodySchema,
  createRecurringPaymentBodySchema,
  createRefundBodySchema,
  createTopUpBodySchema,
  createTransitPayoutBodySchema,
  linkSubMerchantBodySchema,
  otpVerifyBodySchema,
  renameSubMerchantBodySchema,
  startCardBindingBodySchema,
  walletTransferBodySchema,
} from './bodies.js';
import { cardBindingStartedViewSchema, cardListViewSchema, subMerchantListViewSchema } from './cards.js';
import { meViewSchema, uuidSchema } from './common.js';
import {
  operationPageViewSchema,
  operationViewSchema,
  sbpBankListViewSchema,
  sbpRecipientViewSchema,
} from './operations.js';
import {
  paymentListViewSchema,
  paymentViewSchema,
  refundViewSchema,
  subMerchantViewSchema,
} from './payments.js';
import { operationHistoryQuerySchema, paymentListQuerySchema } from './queries.js';
import { bodyErrors, type MediaAnswer, type ParamSpec, type RouteSpec } from './routeSpec.js';
import type { RouteName, routes } from './routes.js';
import {
  balanceViewSchema,
  otpSentViewSchema,
  otpVerifiedViewSchema,
  walletListViewSchema,
  walletViewSchema,
} from './wallets.js';

// The full half of the browser API's contract: for each route of `routes.ts`, what it takes (path parameters,
// query, body), what it answers (status and view), the error codes it may answer, and who may call it. The BFF
// builds its router from it (`packages/bff/src/api/route.ts`) and the OpenAPI document is generated from it
// (`openapi.ts`). Browser bundles never import this module: it carries the body schemas.

const id = (what: string): ParamSpec => ({ schema: uuidSchema, what });

const csv: MediaAnswer = {
  contentType: 'text/csv',
  description:
    'Every matching row as a CSV download (`Content-Disposition: attachment`), streamed; the columns of ' +
    'the history rows.',
};
const eventStream: MediaAnswer = {
  contentType: 'text/event-stream',
  description:
    "Server-sent events of the signed-in user's wallets, operations, payments and cards; resumes after " +
    '`Last-Event-ID`.',
};

/** Mandarin's refusal or absence, as the BFF answers them. */
const upstream = ['UPSTREAM_REJECTED', 'UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE'] as const;
/** An `Idempotency-Key` missing, still in progress, or reused for another request. */
const once = ['VALIDATION_FAILED', 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED'] as const;

/** Every route of the browser API in full, by the names of {@link routes}. */
export const contract = {
  me: {
    summary: 'Who the session belongs to (a new anonymous customer when there is no session yet)',
    tag: 'session',
    access: 'user',
    responses: { 200: meViewSchema },
    errors: [],
  },
  signInAsOperator: {
    summary: 'Demo only: makes the session an operator (404 unless the BFF enables it)',
    tag: 'session',
    access: 'user',
    responses: { 200: meViewSchema },
    errors: ['CSRF_REQUIRED', 'NOT_FOUND'],
  },
  signOut: {
    summary: 'Ends the session; answers with the new anonymous user',
    tag: 'session',
    access: 'user',
    responses: { 200: meViewSchema },
    errors: ['CSRF_REQUIRED', 'NOT_FOUND'],
  },
  events: {
    summary: 'The live event stream of the signed-in user (SSE)',
    tag: 'events',
    access: 'user',
    responses: { 200: eventStream },
    errors: [],
  },
  openApiDocument: {
    summary: 'This document: the browser API as OpenAPI 3.1',
    tag: 'session',
    access: 'public',
    responses: { 200: z.record(z.string(), z.unknown()) },
    errors: [],
  },

  createWallet: {
    summary: 'Opens a wallet (ESP) from the KYC form',
    tag: 'wallets',
    access: 'user',
    body: espKycInputSchema,
    responses: { 201: walletViewSchema },
    errors: [...bodyErrors, ...once, ...upstream],
  },
  listWallets: {
    summary: "The signed-in user's wallets, newest first",
    tag: 'wallets',
    access: 'user',
    responses: { 200: walletListViewSchema },
    errors: [],
  },
  getWallet: {
    summary: 'A wallet of the signed-in user, its status brought up to date from Mandarin',
    tag: 'wallets',
    access: 'user',
    params: { walletId: id('Wallet') },
    responses: { 200: walletViewSchema },
    errors: ['NOT_FOUND', ...upstream],
  },
  sendOtp: {
    summary: "Sends (or re-sends) the SMS code to the wallet's phone",
    tag: 'wallets',
    access: 'user',
    params: { walletId: id('Wallet') },
    responses: { 200: otpSentViewSchema },
    errors: ['CSRF_REQUIRED', 'NOT_FOUND', ...upstream],
  },
  verifyOtp: {
    summary: 'Checks the SMS code the user typed',
    tag: 'wallets',
    access: 'user',
    params: { walletId: id('Wallet') },
    body: otpVerifyBodySchema,
    responses: { 200: otpVerifiedViewSchema },
    errors: [...bodyErrors, 'NOT_FOUND', ...upstream],
  },
  getBalance: {
    summary: 'The wallet balance, exact, as Mandarin reports it now',
    tag: 'wallets',
    access: 'user',
    params: { walletId: id('Wallet') },
    responses: { 200: balanceViewSchema },
    errors: ['NOT_FOUND', ...upstream],
  },
  createTopUp: {
    summary: 'Tops the wallet up from a card the same user bound',
    description: '201 once Mandarin created it; 202 while its outcome is unknown (it stays pending).',
    tag: 'operations',
    access: 'user',
    params: { walletId: id('Wallet') },
    body: createTopUpBodySchema,
    responses: { 201: operationViewSchema, 202: operationViewSchema },
    errors: [...bodyErrors, ...once, 'NOT_FOUND', ...upstream],
  },
  createPayout: {
    summary: 'Pays out from the wallet to a card number, a bound card or by SBP',
    description:
      '201 once Mandarin created it; 202 while its outcome is unknown (it stays pending). A payout larger ' +
      'than the balance is refused with INSUFFICIENT_FUNDS (`details.available`).',
    tag: 'operations',
    access: 'user',
    params: { walletId: id('Wallet') },
    body: createPayoutBodySchema,
    responses: { 201: operationViewSchema, 202: operationViewSchema },
    errors: [...bodyErrors, ...once, 'NOT_FOUND', 'INSUFFICIENT_FUNDS', ...upstream],
  },
  listOperations: {
    summary: "A page of the wallet's history, newest first, filtered by kind, status and period",
    tag: 'operations',
    access: 'user',
    params: { walletId: id('Wallet') },
    query: operationHistoryQuerySchema,
    responses: { 200: operationPageViewSchema },
    errors: ['NOT_FOUND', 'VALIDATION_FAILED'],
  },
  operationsCsv: {
    summary: "The wallet's filtered history as a CSV download (every matching row, not a page)",
    tag: 'operations',
    access: 'user',
    params: { walletId: id('Wallet') },
    query: operationHistoryQuerySchema,
    responses: { 200: csv },
    errors: ['NOT_FOUND', 'VALIDATION_FAILED'],
  },
  deposit: {
    summary: "Operator: moves funds from the business account into a user's wallet",
    tag: 'operator',
    access: 'operator',
    params: { walletId: id('Wallet') },
    body: walletTransferBodySchema,
    responses: { 201: operationViewSchema, 202: operationViewSchema },
    errors: [...bodyErrors, ...once, 'NOT_FOUND', ...upstream],
  },
  withdraw: {
    summary: "Operator: moves funds from a user's wallet to the business account",
    tag: 'operator',
    access: 'operator',
    params: { walletId: id('Wallet') },
    body: walletTransferBodySchema,
    responses: { 201: operationViewSchema, 202: operationViewSchema },
    errors: [...bodyErrors, ...once, 'NOT_FOUND', 'INSUFFICIENT_FUNDS', ...upstream],
  },
  createTransitPayout: {
    summary: "Operator: pays out to a card the wallet's owner bound, in transit through the wallet",
    tag: 'operator',
    access: 'operator',
    body: createTransitPayoutBodySchema,
    responses: { 201: operationViewSchema, 202: operationViewSchema },
    errors: [...bodyErrors, ...once, 'NOT_FOUND', ...upstream],
  },

  getOperation: {
    summary: 'A wallet operation of the signed-in user, its status brought up to date from Mandarin',
    tag: 'operations',
    access: 'user',
    params: { operationId: id('Operation') },
    responses: { 200: operationViewSchema },
    errors: ['NOT_FOUND', ...upstream],
  },
  getSbpRecipient: {
    summary: "Asks the recipient's bank for the full name of a two-step SBP payout's recipient",
    tag: 'operations',
    access: 'user',
    params: { operationId: id('Operation') },
    responses: { 200: sbpRecipientViewSchema },
    errors: ['CSRF_REQUIRED', 'CONFLICT', 'NOT_FOUND', ...upstream],
  },
  confirmSbpPayout: {
    summary: 'The payer confirms a two-step SBP payout (it goes on, pending)',
    tag: 'operations',
    access: 'user',
    params: { operationId: id('Operation') },
    responses: { 200: operationViewSchema },
    errors: ['CSRF_REQUIRED', 'CONFLICT', 'NOT_FOUND', ...upstream],
  },
  rejectSbpPayout: {
    summary: 'The payer rejects a two-step SBP payout (it ends rejected)',
    tag: 'operations',
    access: 'user',
    params: { operationId: id('Operation') },
    responses: { 200: operationViewSchema },
    errors: ['CSRF_REQUIRED', 'CONFLICT', 'NOT_FOUND', ...upstream],
  },
  listSbpBanks: {
    summary: 'Banks of the SBP directory whose name contains `query` (all of them without one)',
    tag: 'operations',
    access: 'user',
    query: z.object({
      query: z.string().max(100).describe("Part of the bank's name").optional().catch(undefined),
    }),
    responses: { 200: sbpBankListViewSchema },
    errors: [...upstream],
  },

  createPayment: {
    summary: 'Operator: creates a routed payment (one-step with its routing, or a two-step hold)',
    description: '201 once Mandarin created it; 202 while its outcome is unknown (it stays pending).',
    tag: 'payments',
    access: 'operator',
    body: createPaymentBodySchema,
    responses: { 201: paymentViewSchema, 202: paymentViewSchema },
    errors: [...bodyErrors, ...once, ...upstream],
  },
  createRecurringPayment: {
    summary: 'Operator: a recurring (auto-debit) routed payment charged to a card a customer bound',
    tag: 'payments',
    access: 'operator',
    body: createRecurringPaymentBodySchema,
    responses: { 201: paymentViewSchema, 202: paymentViewSchema },
    errors: [...bodyErrors, ...once, 'NOT_FOUND', ...upstream],
  },
  listPayments: {
    summary: 'Operator: a page of payments, newest first, by status, period and orderId',
    tag: 'payments',
    access: 'operator',
    query: paymentListQuerySchema,
    responses: { 200: paymentListViewSchema },
    errors: ['VALIDATION_FAILED'],
  },
  getPayment: {
    summary: 'Operator: a payment and its refunds, brought up to date from Mandarin',
    tag: 'payments',
    access: 'operator',
    params: { paymentId: id('Payment') },
    responses: { 200: paymentViewSchema },
    errors: ['NOT_FOUND', ...upstream],
  },
  completePayment: {
    summary: 'Operator: captures a held two-step payment, with its routing',
    description: '200 once Mandarin created the capture; 202 while its outcome is unknown.',
    tag: 'payments',
    access: 'operator',
    params: { paymentId: id('Payment') },
    body: completePaymentBodySchema,
    responses: { 200: paymentViewSchema, 202: paymentViewSchema },
    errors: [...bodyErrors, ...once, 'NOT_FOUND', ...upstream],
  },
  releasePayment: {
    summary: "Operator: lets a held two-step payment's money go (it ends released)",
    tag: 'payments',
    access: 'operator',
    params: { paymentId: id('Payment') },
    responses: { 202: paymentViewSchema },
    errors: ['CSRF_REQUIRED', ...once, 'NOT_FOUND', ...upstream],
  },
  createRefund: {
    summary: 'Operator: refunds part or all of a paid payment, split in proportion unless routed',
    description: '201 once Mandarin created it; 202 while its outcome is unknown (it stays pending).',
    tag: 'payments',
    access: 'operator',
    params: { paymentId: id('Payment') },
    body: createRefundBodySchema,
    responses: { 201: refundViewSchema, 202: refundViewSchema },
    errors: [...bodyErrors, ...once, 'NOT_FOUND', ...upstream],
  },

  linkSubMerchant: {
    summary: 'Operator: links a sub-merchant account by the token from its personal account',
    tag: 'payments',
    access: 'operator',
    body: linkSubMerchantBodySchema,
    responses: { 201: subMerchantViewSchema },
    errors: [...bodyErrors, ...once, ...upstream],
  },
  listSubMerchants: {
    summary: 'Operator: the linked sub-merchant accounts',
    tag: 'payments',
    access: 'operator',
    responses: { 200: subMerchantListViewSchema },
    errors: [],
  },
  renameSubMerchant: {
    summary: 'Operator: names a sub-merchant this operator linked (`label: null` clears it)',
    tag: 'payments',
    access: 'operator',
    params: { subMerchantId: id('Sub-merchant') },
    body: renameSubMerchantBodySchema,
    responses: { 200: subMerchantViewSchema },
    errors: [...bodyErrors, 'NOT_FOUND'],
  },

  listCards: {
    summary: "The signed-in user's bound cards, newest first (pending and failed bindings included)",
    tag: 'cards',
    access: 'user',
    responses: { 200: cardListViewSchema },
    errors: [],
  },
  startCardBinding: {
    summary: 'Starts binding a card: pay `jsOperationId` in the hosted card fields, or open `payUrl`',
    description:
      'The result arrives as a `card_binding.status` event. Contacts default to those of the user’s wallet.',
    tag: 'cards',
    access: 'user',
    body: startCardBindingBodySchema,
    responses: { 201: cardBindingStartedViewSchema },
    errors: [...bodyErrors, ...once, ...upstream],
  },
  removeCard: {
    summary: "Removes a card from the user's list",
    tag: 'cards',
    access: 'user',
    params: { cardId: id('Card') },
    responses: { 204: null },
    errors: ['CSRF_REQUIRED', 'NOT_FOUND'],
  },
} as const satisfies { readonly [N in RouteName]: RouteSpec<(typeof routes)[N]> };
