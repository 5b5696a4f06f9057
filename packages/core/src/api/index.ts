export type {
  CardBindingStartedView,
  CardListView,
  CardView,
  CreateRecurringPaymentBody,
  StartCardBindingBody,
} from './cards.js';
export {
  cardBindingStartedViewSchema,
  cardListViewSchema,
  cardViewSchema,
  createRecurringPaymentBodySchema,
  startCardBindingBodySchema,
  subMerchantListViewSchema,
} from './cards.js';
export type { MeView, MoneyView } from './common.js';
export { amountBodySchema, meViewSchema, moneyViewSchema, uuidSchema } from './common.js';
export type {
  CreatePayoutBody,
  CreateTopUpBody,
  CreateTransitPayoutBody,
  OperationStatus,
  OperationView,
  PayoutDestinationBody,
  SbpBankListView,
  SbpRecipientView,
  WalletTransferBody,
} from './operations.js';
export {
  createPayoutBodySchema,
  createTopUpBodySchema,
  createTransitPayoutBodySchema,
  isLuhnValid,
  operationKindSchema,
  operationStatusSchema,
  operationViewSchema,
  payoutDestinationBodySchema,
  sbpBankListViewSchema,
  sbpRecipientViewSchema,
  walletTransferBodySchema,
} from './operations.js';
export type {
  CompletePaymentBody,
  CreatePaymentBody,
  CreateRefundBody,
  LinkSubMerchantBody,
  PaymentListView,
  PaymentView,
  RefundView,
  RoutingEntryBody,
  SubMerchantView,
} from './payments.js';
export {
  completePaymentBodySchema,
  createPaymentBodySchema,
  createRefundBodySchema,
  linkSubMerchantBodySchema,
  paymentListViewSchema,
  paymentStatusSchema,
  paymentViewSchema,
  refundViewSchema,
  routingEntryBodySchema,
  subMerchantViewSchema,
} from './payments.js';
export type {
  BalanceView,
  OtpSentView,
  OtpVerifiedView,
  OtpVerifyBody,
  WalletListView,
  WalletView,
} from './wallets.js';
export {
  balanceViewSchema,
  otpSentViewSchema,
  otpVerifiedViewSchema,
  otpVerifyBodySchema,
  walletListViewSchema,
  walletViewSchema,
} from './wallets.js';
