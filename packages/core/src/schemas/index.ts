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
export * from './providers/index.js';
export type { SbpBank, SbpBanksResponse, SbpRecipientResponse, SbpRecipientStatus } from './sbp.js';
export {
  sbpBankBicSchema,
  sbpBankIdSchema,
  sbpBankSchema,
  sbpBanksResponseSchema,
  sbpRecipientResponseSchema,
  sbpRecipientStatusSchema,
} from './sbp.js';
export * from './transactions/index.js';
