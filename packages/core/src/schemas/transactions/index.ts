export type { CardBindingRequest, CardBindingResponse, CardBindingStatusResponse } from './cardBinding.js';
export {
  cardBindingRequestSchema,
  cardBindingResponseSchema,
  cardBindingStatusResponseSchema,
} from './cardBinding.js';
export type { OrderActualTill } from './orderActualTill.js';
export { isOrderActualTill, orderActualTillSchema } from './orderActualTill.js';
export type { CustomerInfo, CustomValue, RoutingEntry, SbpCustomerInfo, Urls } from './parts.js';
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
} from './parts.js';
export type {
  RecurringPaymentRequest,
  ReversalRequest,
  RoutedPaymentRequest,
  TwoStepAuthRequest,
  TwoStepPayRequest,
} from './payments.js';
export {
  recurringPaymentRequestSchema,
  reversalRequestSchema,
  routedPaymentRequestSchema,
  twoStepAuthRequestSchema,
  twoStepPayRequestSchema,
} from './payments.js';
export type {
  MandarinErrorResponse,
  TransactionByOrderIdResponse,
  TransactionResponse,
  TransactionStatusResponse,
} from './responses.js';
export {
  mandarinErrorResponseSchema,
  transactionByOrderIdResponseSchema,
  transactionResponseSchema,
  transactionStatusResponseSchema,
} from './responses.js';
export type {
  ClassifiedTransactionRequest,
  TransactionRequest,
  TransactionRequestKind,
} from './transactionRequest.js';
export {
  classifyTransactionRequest,
  transactionRequestKinds,
  transactionRequestSchema,
} from './transactionRequest.js';
export type {
  DepositRequest,
  PayoutToBoundCardRequest,
  PayoutToCardNumberRequest,
  SbpPayoutRequest,
  TopUpRequest,
  TransitPayoutRequest,
  WithdrawalRequest,
} from './walletOperations.js';
export {
  depositRequestSchema,
  payoutToBoundCardRequestSchema,
  payoutToCardNumberRequestSchema,
  sbpPayoutRequestSchema,
  topUpRequestSchema,
  transitPayoutRequestSchema,
  withdrawalRequestSchema,
} from './walletOperations.js';
