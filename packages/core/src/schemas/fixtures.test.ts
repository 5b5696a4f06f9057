import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { businessAccountCreateRequestSchema, businessAccountCreateResponseSchema } from './accounts.js';
import {
  espGenerateRequestSchema,
  espGenerateResponseSchema,
  espStatusResponseSchema,
  espWebhookSchema,
  otpSendResponseSchema,
  otpVerifyRequestSchema,
  otpVerifyResponseSchema,
  walletBalanceResponseSchema,
} from './esp.js';
import { seedFixtures } from './fixtures/seedFixtures.js';
import { sbpBanksResponseSchema } from './sbp.js';
import { cardBindingRequestSchema } from './transactions/cardBinding.js';
import { reversalRequestSchema, routedPaymentRequestSchema } from './transactions/payments.js';
import { mandarinErrorResponseSchema, transactionResponseSchema } from './transactions/responses.js';
import type { TransactionRequestKind } from './transactions/transactionRequest.js';
import { classifyTransactionRequest } from './transactions/transactionRequest.js';
import {
  depositRequestSchema,
  payoutToBoundCardRequestSchema,
  payoutToCardNumberRequestSchema,
  sbpPayoutRequestSchema,
  topUpRequestSchema,
  transitPayoutRequestSchema,
  withdrawalRequestSchema,
} from './transactions/walletOperations.js';

type FixtureName = keyof typeof seedFixtures;

const schemaOf: Record<FixtureName, z.ZodType> = {
  'business-account-create-request.json': businessAccountCreateRequestSchema,
  'business-account-create-response.json': businessAccountCreateResponseSchema,
  'card-binding-request.json': cardBindingRequestSchema,
  'deposit-request.json': depositRequestSchema,
  'deposit-response.json': transactionResponseSchema,
  'esp-generate-request.json': espGenerateRequestSchema,
  'esp-generate-response.json': espGenerateResponseSchema,
  'esp-status-response.json': espStatusResponseSchema,
  'esp-webhook.json': espWebhookSchema,
  'mandarin-error-duplicate-order.json': mandarinErrorResponseSchema,
  'mandarin-error-response.json': mandarinErrorResponseSchema,
  'otp-send-response.json': otpSendResponseSchema,
  'otp-verify-request.json': otpVerifyRequestSchema,
  'otp-verify-response.json': otpVerifyResponseSchema,
  'payout-to-bound-card-request.json': payoutToBoundCardRequestSchema,
  'payout-to-bound-card-response.json': transactionResponseSchema,
  'payout-to-card-number-request.json': payoutToCardNumberRequestSchema,
  'payout-to-card-number-response.json': transactionResponseSchema,
  'reversal-request.json': reversalRequestSchema,
  'reversal-response.json': transactionResponseSchema,
  'routed-payment-request.json': routedPaymentRequestSchema,
  'routed-payment-response.json': transactionResponseSchema,
  'sbp-banks-response.json': sbpBanksResponseSchema,
  'sbp-payout-request.json': sbpPayoutRequestSchema,
  'sbp-payout-response.json': transactionResponseSchema,
  'sbp-payout-two-step-request.json': sbpPayoutRequestSchema,
  'sbp-payout-two-step-response.json': transactionResponseSchema,
  'top-up-request.json': topUpRequestSchema,
  'top-up-response.json': transactionResponseSchema,
  'transit-payout-request.json': transitPayoutRequestSchema,
  'transit-payout-response.json': transactionResponseSchema,
  'wallet-balance-response.json': walletBalanceResponseSchema,
  'withdrawal-request.json': withdrawalRequestSchema,
  'withdrawal-response.json': transactionResponseSchema,
};

const kindOf: Partial<Record<FixtureName, TransactionRequestKind>> = {
  'deposit-request.json': 'deposit',
  'payout-to-bound-card-request.json': 'payoutToBoundCard',
  'payout-to-card-number-request.json': 'payoutToCardNumber',
  'reversal-request.json': 'reversal',
  'routed-payment-request.json': 'routedPayment',
  'sbp-payout-request.json': 'sbpPayout',
  'sbp-payout-two-step-request.json': 'sbpPayout',
  'top-up-request.json': 'topUp',
  'transit-payout-request.json': 'transitPayout',
  'withdrawal-request.json': 'withdrawal',
};

const names = Object.keys(seedFixtures) as FixtureName[];

describe('seed fixtures', () => {
  it.each(names)('%s parses with its schema', (name) => {
    const result = schemaOf[name].safeParse(seedFixtures[name]);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(names.filter((name) => name.endsWith('-request.json') && kindOf[name] !== undefined))(
    '%s is classified as exactly one operation',
    (name) => {
      expect(classifyTransactionRequest(seedFixtures[name])?.kind).toBe(kindOf[name]);
    },
  );

  it('request schemas keep the seed bodies unchanged', () => {
    for (const name of names.filter((n) => n.endsWith('-request.json'))) {
      expect(schemaOf[name].parse(seedFixtures[name]), name).toEqual(seedFixtures[name]);
    }
  });

  it('the ESP generate example parses on the wire although its INN and SNILS are placeholders', () => {
    const body = espGenerateRequestSchema.parse(seedFixtures['esp-generate-request.json']);
    expect(body.inn).toBe('777777777777');
    expect(body.snils).toBe('140-120-150 35');
  });
});
