export type { BalanceWidgetProps } from './balance/BalanceWidget.js';
export { BalanceWidget } from './balance/BalanceWidget.js';
export type { BalanceState, UseBalanceResult } from './balance/useBalance.js';
export { useBalance } from './balance/useBalance.js';
export type { CapturePaymentProps } from './capture/CapturePayment.js';
export { CapturePayment } from './capture/CapturePayment.js';
export type {
  CapturePaymentState,
  UseCapturePaymentOptions,
  UseCapturePaymentResult,
} from './capture/useCapturePayment.js';
export { useCapturePayment } from './capture/useCapturePayment.js';
export type { BoundCardsProps } from './cards/BoundCards.js';
export { BoundCards } from './cards/BoundCards.js';
export { cardShortName, formatCardNumber, formatExpiry } from './cards/cardFormat.js';
export type { HostedCardFormProps } from './cards/HostedCardForm.js';
export { HostedCardForm } from './cards/HostedCardForm.js';
export type {
  HostedFailure,
  HostedField,
  HostedSetupOptions,
  HostedSuccess,
  MandarinPayHosted,
} from './cards/loadHostedFields.js';
export { HOSTED_FIELDS, HostedScriptError, loadHostedFields } from './cards/loadHostedFields.js';
export type {
  BoundCardsOutcome,
  BoundCardsState,
  UseBoundCardsOptions,
  UseBoundCardsResult,
} from './cards/useBoundCards.js';
export { useBoundCards } from './cards/useBoundCards.js';
export type {
  HostedCardFormState,
  HostedFieldState,
  HostedFieldStatus,
  UseHostedCardFormOptions,
  UseHostedCardFormResult,
} from './cards/useHostedCardForm.js';
export { useHostedCardForm } from './cards/useHostedCardForm.js';
export type { ApiErrorCode, ApiErrorInit } from './client/ApiError.js';
export { ApiError, isApiError } from './client/ApiError.js';
export type { BffClient, BffClientOptions } from './client/createBffClient.js';
export { createBffClient } from './client/createBffClient.js';
export type {
  EventSourceConstructor,
  EventSourceLike,
  EventStreamOptions,
  EventStreamStatus,
} from './client/eventStream.js';
export { subscribeToEvents } from './client/eventStream.js';
export { createIdempotencyKey } from './client/idempotencyKey.js';
export type { CallOptions, MutationOptions } from './client/request.js';
export type { EspKycFormProps } from './esp-kyc/EspKycForm.js';
export { EspKycForm } from './esp-kyc/EspKycForm.js';
export type {
  EspKycFieldPath,
  EspKycFields,
  EspKycState,
  UseEspKycOptions,
  UseEspKycResult,
} from './esp-kyc/useEspKyc.js';
export { useEspKyc } from './esp-kyc/useEspKyc.js';
export type { ErrorNoticeProps } from './feedback/ErrorNotice.js';
export { ErrorNotice } from './feedback/ErrorNotice.js';
export {
  counterpartyParts,
  formatDateTime,
  formatSignedAmount,
  signedMinor,
} from './history/historyFormat.js';
export type {
  OperationPeriod,
  OperationStatusGroup,
  UseWalletOperationsOptions,
  UseWalletOperationsResult,
  WalletOperationsFilter,
  WalletOperationsState,
} from './history/useWalletOperations.js';
export { useWalletOperations } from './history/useWalletOperations.js';
export type { WalletOperationsProps } from './history/WalletOperations.js';
export { WalletOperations } from './history/WalletOperations.js';
export type { Locale, MessageBundle } from './i18n/defineMessages.js';
export type { OtpInputProps } from './otp/OtpInput.js';
export { OtpInput } from './otp/OtpInput.js';
export type { OtpState, UseOtpOptions, UseOtpResult } from './otp/useOtp.js';
export { useOtp } from './otp/useOtp.js';
export type { PaymentsTableProps } from './payments/PaymentsTable.js';
export { PaymentsTable } from './payments/PaymentsTable.js';
export type {
  PaymentPeriod,
  PaymentsFilter,
  PaymentsTableState,
  UsePaymentsTableOptions,
  UsePaymentsTableResult,
} from './payments/usePaymentsTable.js';
export { canCapture, canRefund, usePaymentsTable } from './payments/usePaymentsTable.js';
export type { PayoutFormProps } from './payout/PayoutForm.js';
export { PayoutForm } from './payout/PayoutForm.js';
export type {
  PayoutField,
  PayoutFormState,
  PayoutIssue,
  PayoutMethod,
  SbpBank,
  UsePayoutFormOptions,
  UsePayoutFormResult,
} from './payout/usePayoutForm.js';
export { usePayoutForm } from './payout/usePayoutForm.js';
export type { EventListener, KitContextValue, KitEventListener, Theme } from './provider/KitContext.js';
export { useEventStreamStatus, useKit } from './provider/KitContext.js';
export type { MandarinKitProviderProps } from './provider/MandarinKitProvider.js';
export { MandarinKitProvider } from './provider/MandarinKitProvider.js';
export { queryKeys } from './provider/queryKeys.js';
export { useMandarinEvents } from './provider/useMandarinEvents.js';
export type { RefundDialogProps } from './refund/RefundDialog.js';
export { RefundDialog } from './refund/RefundDialog.js';
export type {
  RefundAmountIssue,
  RefundDialogState,
  RefundSplitIssue,
  UseRefundDialogOptions,
  UseRefundDialogResult,
} from './refund/useRefundDialog.js';
export { useRefundDialog } from './refund/useRefundDialog.js';
export { amountToText, parseAmountText } from './routing/amountText.js';
export type { RoutingSplitEditorProps } from './routing/RoutingSplitEditor.js';
export { RoutingSplitEditor } from './routing/RoutingSplitEditor.js';
export type { RoutingAccountOption } from './routing/RoutingSplitRow.js';
export type {
  RoutingChangeDetail,
  RoutingRowDraft,
  RoutingRowField,
  RoutingWire,
  UseRoutingSplitOptions,
  UseRoutingSplitResult,
} from './routing/useRoutingSplit.js';
export { useRoutingSplit } from './routing/useRoutingSplit.js';
export type { SbpRecipientConfirmationProps } from './sbp/SbpRecipientConfirmation.js';
export { SbpRecipientConfirmation } from './sbp/SbpRecipientConfirmation.js';
export type {
  SbpConfirmationState,
  UseSbpConfirmationOptions,
  UseSbpConfirmationResult,
} from './sbp/useSbpConfirmation.js';
export { useSbpConfirmation } from './sbp/useSbpConfirmation.js';
export { accountLabel, shortAccountId } from './sub-merchants/accountLabel.js';
export type { SubMerchantLinkProps } from './sub-merchants/SubMerchantLink.js';
export { SubMerchantLink } from './sub-merchants/SubMerchantLink.js';
export type { UseSubMerchantAccountsResult } from './sub-merchants/useSubMerchantAccounts.js';
export { useSubMerchantAccounts } from './sub-merchants/useSubMerchantAccounts.js';
export type {
  SubMerchantLinkIssue,
  UseSubMerchantLinkOptions,
  UseSubMerchantLinkResult,
} from './sub-merchants/useSubMerchantLink.js';
export { useSubMerchantLink } from './sub-merchants/useSubMerchantLink.js';
export type { TopUpFormProps } from './topup/TopUpForm.js';
export { TopUpForm } from './topup/TopUpForm.js';
export type {
  TopUpFormState,
  TopUpIssue,
  UseTopUpFormOptions,
  UseTopUpFormResult,
} from './topup/useTopUpForm.js';
export { useTopUpForm } from './topup/useTopUpForm.js';
export type { UseWalletStatusResult, WalletStatusState } from './wallet-status/useWalletStatus.js';
export { useWalletStatus } from './wallet-status/useWalletStatus.js';
export type { WalletStatusProps } from './wallet-status/WalletStatus.js';
export { WalletStatus } from './wallet-status/WalletStatus.js';
