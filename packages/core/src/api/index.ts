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
  isLuhnValid,
  linkSubMerchantBodySchema,
  otpVerifyBodySchema,
  payoutDestinationBodySchema,
  startCardBindingBodySchema,
  walletTransferBodySchema,
} from './bodies.js';
export type { CardBindingStartedView, CardListView, CardView } from './cards.js';
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
export type { OperationStatus, OperationView, SbpBankListView, SbpRecipientView } from './operations.js';
export {
  operationKindSchema,
  operationStatusSchema,
  operationViewSchema,
  sbpBankListViewSchema,
  sbpRecipientViewSchema,
} from './operations.js';
export type {
  PaymentListView,
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
export type { BalanceView, OtpSentView, OtpVerifiedView, WalletListView, WalletView } from './wallets.js';
export {
  balanceViewSchema,
  otpSentViewSchema,
  otpVerifiedViewSchema,
  walletListViewSchema,
  walletViewSchema,
} from './wallets.js';
