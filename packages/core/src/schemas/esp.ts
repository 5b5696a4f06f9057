import { z } from 'zod';
import { currencySchema } from './common.js';
import { isoDateOrDateTimeSchema, isoDateSchema, upstreamTimestampSchema } from './dates.js';
import { espStatusValueSchema } from './espStatus.js';

const espDocumentSchema = z.strictObject({
  document_type: z.literal('Passport'),
  serial: z.string().regex(/^\d{4}$/, 'serial must be 4 digits'),
  number: z.string().regex(/^\d{6}$/, 'number must be 6 digits'),
  issue_date: isoDateOrDateTimeSchema,
  birth_place: z.string().min(1),
  issuer: z.string().min(1),
  issue_code: z.string().regex(/^\d{3}-\d{3}$/, 'issue_code must look like 404-004'),
  expiration_date: isoDateOrDateTimeSchema.nullable().optional(),
});

/**
 * Body of `POST /api/v1/tokens/generate` as it goes over the wire. Checks formats only (no INN or SNILS
 * checksums): the browser form is validated by `espKycInputSchema`, which is strict.
 */
export const espGenerateRequestSchema = z.strictObject({
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  // May be empty: not everyone has a patronymic.
  middle_name: z.string(),
  birth_date: isoDateSchema,
  citizenship: z.string().regex(/^[A-Z]{2}$/, 'citizenship must be a two-letter country code'),
  registration_address: z.string().min(1),
  living_address: z.string().min(1),
  document: espDocumentSchema,
  inn: z.string().regex(/^\d{12}$/, 'inn must be 12 digits'),
  snils: z.string().regex(/^\d{3}-\d{3}-\d{3} \d{2}$/, 'snils must look like 112-233-445 95'),
  phones: z
    .array(
      z.strictObject({
        phone: z.string().regex(/^7\d{10}$/, 'phone must be 11 digits starting with 7'),
        type: z.string().min(1),
      }),
    )
    .min(1),
  email: z.email(),
  fax: z.string().optional(),
  phone_check: z.boolean(),
  terms_agreement: z.boolean(),
  is_public_official_person: z.boolean(),
  presence_of_beneficiary: z.boolean(),
  beneficiary_information: z.boolean(),
  exist_fatf_government_bills: z.boolean(),
  affiliation_with_foreign_taxpayers: z.boolean(),
});
/** ESP generate request body. */
export type EspGenerateRequest = z.infer<typeof espGenerateRequestSchema>;

/** Answer of the ESP status call; `id` is the `payment_token_id` of every later call. */
export const espStatusResponseSchema = z.object({
  id: z.string().min(1),
  status: espStatusValueSchema,
  created_at: upstreamTimestampSchema,
  processed_at: upstreamTimestampSchema.nullable(),
  finished_at: upstreamTimestampSchema.nullable(),
});
/** ESP status response. */
export type EspStatusResponse = z.infer<typeof espStatusResponseSchema>;

/** Answer of `generate`: the same shape as the status answer, normally with status Processing. */
export const espGenerateResponseSchema = espStatusResponseSchema;
/** ESP generate response. */
export type EspGenerateResponse = z.infer<typeof espGenerateResponseSchema>;

/** Answer of `POST …/otp/{payment_token_id}/send`; `ttl` is the expiry as unix seconds, not a duration. */
export const otpSendResponseSchema = z.object({
  to: z.string(),
  ttl: z.int().nonnegative(),
  status: z.string(),
  retries: z.int().nonnegative(),
});
/** OTP send response. */
export type OtpSendResponse = z.infer<typeof otpSendResponseSchema>;

/** Body of `POST …/otp/{payment_token_id}/verify`. */
export const otpVerifyRequestSchema = z.strictObject({
  code: z.string().regex(/^\d{4,8}$/, 'The code must be 4 to 8 digits'),
});
/** OTP verify request. */
export type OtpVerifyRequest = z.infer<typeof otpVerifyRequestSchema>;

/** Answer of the OTP verification; `retries` is how many attempts are left. */
export const otpVerifyResponseSchema = z.object({
  verified: z.boolean(),
  retries: z.int().nonnegative(),
});
/** OTP verify response. */
export type OtpVerifyResponse = z.infer<typeof otpVerifyResponseSchema>;

/** ESP status webhook; `event_id` is the dedupe key. */
export const espWebhookSchema = z.object({
  event_id: z.string().min(1),
  payment_token_id: z.string().min(1),
  status: espStatusValueSchema,
  created_at: upstreamTimestampSchema,
});
/** ESP webhook payload. */
export type EspWebhook = z.infer<typeof espWebhookSchema>;

/** Wallet balance: an integer of minor units (`1500075` = 15 000.75 RUB), never a float of roubles. */
export const walletBalanceResponseSchema = z.object({
  wallet_id: z.string().min(1),
  balance: z.int(),
  currency: currencySchema,
});
/** Wallet balance response. */
export type WalletBalanceResponse = z.infer<typeof walletBalanceResponseSchema>;
