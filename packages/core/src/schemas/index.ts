export type { BusinessAccountCreateRequest, BusinessAccountCreateResponse } from './accounts.js';
export { businessAccountCreateRequestSchema, businessAccountCreateResponseSchema } from './accounts.js';
export type { MandarinCallback } from './callbacks.js';
export { mandarinCallbackSchema } from './callbacks.js';
export type { Currency, MoneyObject, WireAmount } from './common.js';
export {
  currencySchema,
  moneyObjectSchema,
  positiveMoneyObjectSchema,
  positiveWireAmountSchema,
  wireAmountSchema,
} from './common.js';
export {
  isIsoDateTime,
  isoDateOrDateTimeSchema,
  isoDateSchema,
  upstreamTimestampSchema,
} from './dates.js';
export type {
  EspGenerateRequest,
  EspGenerateResponse,
  EspStatusResponse,
  EspWebhook,
  OtpSendResponse,
  OtpVerifyRequest,
  OtpVerifyResponse,
  WalletBalanceResponse,
} from './esp.js';
export {
  espGenerateRequestSchema,
  espGenerateResponseSchema,
  espStatusResponseSchema,
  espWebhookSchema,
  otpSendResponseSchema,
  otpVerifyRequestSchema,
  otpVerifyResponseSchema,
  walletBalanceResponseSchema,
} from './esp.js';
export type { EspStatusValue } from './espStatus.js';
export { espStatusValueSchema } from './espStatus.js';
export type { OauthTokenRequest, OauthTokenResponse } from './oauth.js';
export { oauthTokenRequestSchema, oauthTokenResponseSchema } from './oauth.js';
export type { BankGatewayCallback, BankGatewayOperation } from './providers/bankGateway.js';
export { bankGatewayCallbackSchema, bankGatewayOperationSchema } from './providers/bankGateway.js';
export type { ProcessingCallback } from './providers/processing.js';
export { processingCallbackSchema } from './providers/processing.js';
export type { TransferStatus, TransferStatusCallback } from './providers/transferStatus.js';
export { transferStatusCallbackSchema, transferStatusSchema } from './providers/transferStatus.js';
export type {
  WidgetCheckCode,
  WidgetCheckNotification,
  WidgetFailNotification,
  WidgetPayNotification,
  WidgetRecurrentNotification,
  WidgetReply,
} from './providers/widget.js';
export {
  isWidgetDateTime,
  widgetCheckCodeSchema,
  widgetCheckNotificationSchema,
  widgetCurrencySchema,
  widgetFailNotificationSchema,
  widgetPaymentStatusSchema,
  widgetPayNotificationSchema,
  widgetRecurrentNotificationSchema,
  widgetReplySchema,
  widgetSubscriptionStatusSchema,
} from './providers/widget.js';
export type { SbpBank, SbpBanksResponse, SbpRecipientResponse, SbpRecipientStatus } from './sbp.js';
export {
  sbpBankBicSchema,
  sbpBankIdSchema,
  sbpBankSchema,
  sbpBanksResponseSchema,
  sbpRecipientResponseSchema,
  sbpRecipientStatusSchema,
} from './sbp.js';
export type { CardBindingRequest, CardBindingResponse } from './transactions/cardBinding.js';
export { cardBindingRequestSchema, cardBindingResponseSchema } from './transactions/cardBinding.js';
export type { OrderActualTill } from './transactions/orderActualTill.js';
export { isOrderActualTill, orderActualTillSchema } from './transactions/orderActualTill.js';
export type { CustomerInfo, CustomValue, RoutingEntry, SbpCustomerInfo, Urls } from './transactions/parts.js';
export {
  cardBindingIdSchema,
  customerInfoSchema,
  customValueSchema,
  customValuesSchema,
  metadataSchema,
  orderIdSchema,
  paymentTokenSchema,
  routingDestinationSchema,
  routingEntrySchema,
  routingSourceSchema,
  sbpCustomerInfoSchema,
  transactionIdSchema,
  urlsSchema,
} from './transactions/parts.js';
export type {
  RecurringPaymentRequest,
  ReversalRequest,
  RoutedPaymentRequest,
  TwoStepAuthRequest,
  TwoStepPayRequest,
} from './transactions/payments.js';
export {
  recurringPaymentRequestSchema,
  reversalRequestSchema,
  routedPaymentRequestSchema,
  twoStepAuthRequestSchema,
  twoStepPayRequestSchema,
} from './transactions/payments.js';
export type { MandarinErrorResponse, TransactionResponse } from './transactions/responses.js';
export { mandarinErrorResponseSchema, transactionResponseSchema } from './transactions/responses.js';
export type {
  ClassifiedTransactionRequest,
  TransactionRequest,
  TransactionRequestKind,
} from './transactions/transactionRequest.js';
export {
  classifyTransactionRequest,
  transactionRequestKinds,
  transactionRequestSchema,
} from './transactions/transactionRequest.js';
export type {
  DepositRequest,
  PayoutToBoundCardRequest,
  PayoutToCardNumberRequest,
  SbpPayoutRequest,
  TopUpRequest,
  TransitPayoutRequest,
  WithdrawalRequest,
} from './transactions/walletOperations.js';
export {
  depositRequestSchema,
  payoutToBoundCardRequestSchema,
  payoutToCardNumberRequestSchema,
  sbpPayoutRequestSchema,
  topUpRequestSchema,
  transitPayoutRequestSchema,
  withdrawalRequestSchema,
} from './transactions/walletOperations.js';
