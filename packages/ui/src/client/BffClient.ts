import type {
  BalanceView,
  CardBindingStartedView,
  CardListView,
  MeView,
  OperationHistoryFilter,
  OperationPageView,
  OperationView,
  OtpSentView,
  OtpVerifiedView,
  PaymentListFilter,
  PaymentListView,
  PaymentView,
  RefundView,
  RouteBody,
  SbpBankListView,
  SbpRecipientView,
  SubMerchantListView,
  SubMerchantView,
  WalletListView,
  WalletView,
} from '@mandarin-kit/core';
import type { CallOptions, MutationOptions } from './request.js';

/**
 * A typed client of the BFF's browser API, one method per route of core's route table (`routes`): the path is
 * built from the table's template, and every answer is validated against the route's view before it is
 * returned (an answer that does not match rejects with `ApiError` code `BAD_RESPONSE`). A failed call rejects
 * with an `ApiError` carrying the BFF's error code.
 *
 * Calls that move money or create something send an `Idempotency-Key` (`MutationOptions`): a fresh one per call
 * unless you pass the user action's own key, which a retry of the same action must reuse. Bodies are typed as
 * the BFF validates them (`RouteBody<'createPayout'>`, core's body schemas' input).
 */
export interface BffClient {
  /** Where the BFF answers, without a trailing slash. */
  readonly baseUrl: string;
  /** The URL of the live event stream (`GET /api/events`). */
  readonly eventsUrl: string;
  /**
   * Resolves once the BFF has answered this client, so that the session cookie is set (asking `/api/me` if
   * nothing was sent yet). The provider opens the event stream after it, so that the stream listens for the
   * same user that the calls act as.
   */
  ready(): Promise<void>;

  /** Who the session belongs to. `GET /api/me` */
  me(options?: CallOptions): Promise<MeView>;
  /** Demo only: makes the session an operator. `POST /api/session/operator` */
  signInAsOperator(options?: CallOptions): Promise<MeView>;
  /** Ends the session; the BFF answers with a new anonymous user. `DELETE /api/session` */
  signOut(options?: CallOptions): Promise<MeView>;

  /** Opens a wallet (ESP) from the KYC form. `POST /api/wallets` */
  createWallet(body: RouteBody<'createWallet'>, options?: MutationOptions): Promise<WalletView>;
  /** The signed-in user's wallets, newest first. `GET /api/wallets` */
  listWallets(options?: CallOptions): Promise<WalletListView>;
  /** A wallet, its status brought up to date. `GET /api/wallets/:walletId` */
  getWallet(walletId: string, options?: CallOptions): Promise<WalletView>;
  /** Sends (or re-sends) the SMS code for a wallet. `POST /api/wallets/:walletId/otp/send` */
  sendOtp(walletId: string, options?: CallOptions): Promise<OtpSentView>;
  /** Checks the SMS code the user typed. `POST /api/wallets/:walletId/otp/verify` */
  verifyOtp(walletId: string, body: RouteBody<'verifyOtp'>, options?: CallOptions): Promise<OtpVerifiedView>;
  /** The wallet balance, exact. `GET /api/wallets/:walletId/balance` */
  getBalance(walletId: string, options?: CallOptions): Promise<BalanceView>;
  /** Tops the wallet up from a bound card. `POST /api/wallets/:walletId/top-ups` */
  createTopUp(
    walletId: string,
    body: RouteBody<'createTopUp'>,
    options?: MutationOptions,
  ): Promise<OperationView>;
  /** Pays out from the wallet (card number, bound card or SBP). `POST /api/wallets/:walletId/payouts` */
  createPayout(
    walletId: string,
    body: RouteBody<'createPayout'>,
    options?: MutationOptions,
  ): Promise<OperationView>;
  /**
   * A page of the wallet's history, newest first: filter by kinds, statuses and period (`from` inclusive, `to`
   * exclusive, instants with their offset); pass the answer's `nextCursor` as `cursor` for the next page.
   * `GET /api/wallets/:walletId/operations`
   */
  listOperations(
    walletId: string,
    filter?: OperationHistoryFilter,
    options?: CallOptions,
  ): Promise<OperationPageView>;
  /**
   * Where the browser downloads the filtered history as CSV (an `<a href download>`: the session cookie goes
   * with it, and the BFF answers `Content-Disposition: attachment`). Every matching row, not a page.
   * `GET /api/wallets/:walletId/operations.csv`
   */
  operationsCsvUrl(walletId: string, filter?: Omit<OperationHistoryFilter, 'cursor' | 'limit'>): string;

  /** A wallet operation, its status brought up to date. `GET /api/operations/:operationId` */
  getOperation(operationId: string, options?: CallOptions): Promise<OperationView>;
  /**
   * Asks the recipient's bank for the full name of a two-step SBP payout's recipient.
   * `POST /api/operations/:operationId/sbp/recipient`
   */
  getSbpRecipient(operationId: string, options?: CallOptions): Promise<SbpRecipientView>;
  /** The payer confirms a two-step SBP payout. `POST /api/operations/:operationId/sbp/confirm` */
  confirmSbpPayout(operationId: string, options?: MutationOptions): Promise<OperationView>;
  /** The payer rejects a two-step SBP payout. `POST /api/operations/:operationId/sbp/reject` */
  rejectSbpPayout(operationId: string, options?: MutationOptions): Promise<OperationView>;
  /** Banks of the SBP directory whose name contains `query` (all of them without one). `GET /api/sbp/banks` */
  listSbpBanks(query?: string, options?: CallOptions): Promise<SbpBankListView>;

  /** Operator: creates a routed payment. `POST /api/payments` */
  createPayment(body: RouteBody<'createPayment'>, options?: MutationOptions): Promise<PaymentView>;
  /** Operator: a page of payments, newest first, by status, period and orderId. `GET /api/payments` */
  listPayments(filter?: PaymentListFilter, options?: CallOptions): Promise<PaymentListView>;
  /** Operator: a payment and its refunds. `GET /api/payments/:paymentId` */
  getPayment(paymentId: string, options?: CallOptions): Promise<PaymentView>;
  /** Operator: captures a held two-step payment with its routing. `POST /api/payments/:paymentId/complete` */
  completePayment(
    paymentId: string,
    body: RouteBody<'completePayment'>,
    options?: MutationOptions,
  ): Promise<PaymentView>;
  /** Operator: lets a held two-step payment's money go. `POST /api/payments/:paymentId/release` */
  releasePayment(paymentId: string, options?: MutationOptions): Promise<PaymentView>;
  /** Operator: refunds part or all of a paid payment. `POST /api/payments/:paymentId/refunds` */
  createRefund(
    paymentId: string,
    body: RouteBody<'createRefund'>,
    options?: MutationOptions,
  ): Promise<RefundView>;
  /** Operator: a recurring (auto-debit) routed payment charged to a card a customer bound. `POST /api/payments/recurring` */
  createRecurringPayment(
    body: RouteBody<'createRecurringPayment'>,
    options?: MutationOptions,
  ): Promise<PaymentView>;
  /** Operator: links a sub-merchant by its token. `POST /api/sub-merchants` */
  linkSubMerchant(body: RouteBody<'linkSubMerchant'>, options?: MutationOptions): Promise<SubMerchantView>;
  /** Operator: the linked sub-merchants. `GET /api/sub-merchants` */
  listSubMerchants(options?: CallOptions): Promise<SubMerchantListView>;
  /**
   * Operator: names a linked sub-merchant (`label: null` clears it); `404` unless this operator linked it.
   * `PATCH /api/sub-merchants/:subMerchantId`
   */
  renameSubMerchant(
    subMerchantId: string,
    body: RouteBody<'renameSubMerchant'>,
    options?: CallOptions,
  ): Promise<SubMerchantView>;
  /** Operator: moves funds from the business account into a wallet. `POST /api/wallets/:walletId/deposits` */
  deposit(walletId: string, body: RouteBody<'deposit'>, options?: MutationOptions): Promise<OperationView>;
  /** Operator: moves funds from a wallet to the business account. `POST /api/wallets/:walletId/withdrawals` */
  withdraw(walletId: string, body: RouteBody<'withdraw'>, options?: MutationOptions): Promise<OperationView>;
  /** Operator: pays out to a card the wallet's owner bound, through the wallet. `POST /api/transit-payouts` */
  createTransitPayout(
    body: RouteBody<'createTransitPayout'>,
    options?: MutationOptions,
  ): Promise<OperationView>;

  /** The signed-in user's bound cards, newest first (pending and failed bindings included). `GET /api/cards` */
  listCards(options?: CallOptions): Promise<CardListView>;
  /**
   * Starts binding a card: pay the answer's `jsOperationId` in the hosted card fields, or open its `payUrl`.
   * The result arrives as a `card_binding.status` event. Contacts default to those of the user's wallet.
   * `POST /api/cards`
   */
  startCardBinding(
    body?: RouteBody<'startCardBinding'>,
    options?: MutationOptions,
  ): Promise<CardBindingStartedView>;
  /** Removes a card from the user's list (`404` when it is not theirs). `DELETE /api/cards/:cardId` */
  removeCard(cardId: string, options?: CallOptions): Promise<void>;
}
