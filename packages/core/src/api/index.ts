export type {
  CompletePaymentBody,
  CreatePaymentBody,
  CreatePayoutBody,
  CreateRecurringPaymentBody,
  CreateRefundBody,
  CreateTopUpBody,
  CreateTransitPayoutBody,
  LinkSubMerchantBody,
  OtpVerifyBody,
  PayoutDestinationBody,
  RenameSubMerchantBody,
  StartCardBindingBody,
  WalletTransferBody,
} from './bodies.js';
export {
  completePaymentBodySchema,
  createPaymentBodySchema,
  createPayoutBodySchema,
  createRecurringPaymentBodySchema,
  createRefundBodySchema,
  createTopUpBodySchema,
  createTransitPayoutBodySchema,
  linkSubMerchantBodySchema,
  otpVerifyBodySchema,
  payoutDestinationBodySchema,
  renameSubMerchantBodySchema,
  startCardBindingBodySchema,
  subMerchantLabelSchema,
  walletTransferBodySchema,
} from './bodies.js';
export type { CardBindingStartedView, CardListView, CardView, SubMerchantListView } from './cards.js';
export {
  cardBindingStartedViewSchema,
  cardListViewSchema,
  cardViewSchema,
  subMerchantListViewSchema,
} from './cards.js';
export type { MeView, MoneyView } from './common.js';
export {
  amountBodySchema,
  meViewSchema,
  moneyBodySchema,
  moneyViewSchema,
  uuidSchema,
} from './common.js';
export { contract } from './contract.js';
export { isLuhnValid } from './luhn.js';
export { createOpenApiDocument, errorsOf, type OpenApiDocument, openApiPath } from './openapi.js';
export type {
  CounterpartyView,
  OperationHistoryFilter,
  OperationHistoryRow,
  OperationKind,
  OperationPageView,
  OperationStatus,
  OperationView,
  SbpBankListView,
  SbpRecipientView,
} from './operations.js';
export {
  counterpartyViewSchema,
  operationDirection,
  operationHistoryRowSchema,
  operationKindSchema,
  operationPageViewSchema,
  operationStatusSchema,
  operationViewSchema,
  sbpBankListViewSchema,
  sbpRecipientViewSchema,
  signedWireAmountSchema,
} from './operations.js';
export {
  DEFAULT_PAGE_LIMIT,
  instantQuerySchema,
  MAX_PAGE_LIMIT,
  pageCursorSchema,
  pageLimitSchema,
} from './paging.js';
export type {
  PaymentListFilter,
  PaymentListView,
  PaymentStatus,
  PaymentView,
  RefundView,
  RoutingEntryBody,
  SubMerchantView,
} from './payments.js';
export {
  paymentListViewSchema,
  paymentStatusSchema,
  paymentViewSchema,
  refundViewSchema,
  routingEntryBodySchema,
  subMerchantViewSchema,
} from './payments.js';
export type { OperationHistoryQuery, PaymentListQuery } from './queries.js';
export { operationHistoryQuerySchema, paymentListQuerySchema } from './queries.js';
export type {
  AnswerSpec,
  AnyRouteSpec,
  MediaAnswer,
  ParamSpec,
  RouteAccess,
  RouteSpec,
} from './routeSpec.js';
export { bodyErrors, commonErrors, errorStatuses } from './routeSpec.js';
export type { PathParamNames, RouteMethod, RouteName, RouteParams, RouteRef } from './routes.js';
export { findRoute, matchPath, pathOf, routes } from './routes.js';
export type {
  Contract,
  ParsedRouteBody,
  ParsedRouteQuery,
  RouteBody,
  RouteReply,
  RouteView,
} from './routeTypes.js';
export type { BalanceView, OtpSentView, OtpVerifiedView, WalletListView, WalletView } from './wallets.js';
export {
  balanceViewSchema,
  otpSentViewSchema,
  otpVerifiedViewSchema,
  walletListViewSchema,
  walletViewSchema,
} from './wallets.js';
