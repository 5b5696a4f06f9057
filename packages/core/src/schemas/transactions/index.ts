export type {
  CardBindingRequest,
  CardBindingResponse,
  CardBindingStatusResponse,
  OneSideCardBindingRequest,
  OneSideCardBindingResponse,
} from './cardBinding.js';
export {
  cardBindingRequestSchema,
  cardBindingResponseSchema,
  cardBindingStatusResponseSchema,
  oneSideCardBindingRequestSchema,
  oneSideCardBindingResponseSchema,
} from './cardBinding.js';
export type { BoundCardPayoutRequest, CardNumberPayoutRequest } from './cardPayouts.js';
export { boundCardPayoutRequestSchema, cardNumberPayoutRequestSchema } from './cardPayouts.js';
export type { OrderActualTill } from './orderActualTill.js';
export { isOrderActualTill, orderActualTillSchema } from './orderActualTill.js';
export type { CustomerInfo, CustomValue, RoutingEntry, SbpCustomerInfo, Urls } from './parts.js';
export {
  cardBindingIdSchema,
  customerInfoSchema,
  customValueSchema,
  customValuesSchema,
  knownCardNumberSchema,
  metadataSchema,
  orderIdSchema,
  payeeInfoSchema,
  paymentTokenSchema,
  preauthIdSchema,
  routingDestinationSchema,
  routingEntrySchema,
  routingSourceSchema,
  sbpCustomerInfoSchema,
  senderInfoSchema,
  transactionIdSchema,
  urlsSchema,
} from './parts.js';
export type {
  CardPaymentRequest,
  CardPayoutRequest,
  RebillRequest,
  RecurringPaymentRequest,
  ReversalRequest,
  RoutedPaymentRequest,
} from './payments.js';
export {
  cardPaymentRequestSchema,
  cardPayoutRequestSchema,
  rebillRequestSchema,
  recurringPaymentRequestSchema,
  reversalRequestSchema,
  routedPaymentRequestSchema,
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
  transactionRequestSchemas,
} from './transactionRequest.js';
export type { CaptureRequest, ReleaseRequest, TwoStepAuthRequest } from './twoStep.js';
export {
  captureRequestSchema,
  releaseRequestSchema,
  twoStepAuthRequestSchema,
} from './twoStep.js';
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
