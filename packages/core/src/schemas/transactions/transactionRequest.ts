import { z } from 'zod';
import {
  recurringPaymentRequestSchema,
  reversalRequestSchema,
  routedPaymentRequestSchema,
  twoStepAuthRequestSchema,
  twoStepPayRequestSchema,
} from './payments.js';
import {
  depositRequestSchema,
  payoutToBoundCardRequestSchema,
  payoutToCardNumberRequestSchema,
  sbpPayoutRequestSchema,
  topUpRequestSchema,
  transitPayoutRequestSchema,
  withdrawalRequestSchema,
} from './walletOperations.js';

// Every shape is a strict object with its own combination of action and source/target/destination keys,
// so a body matches at most one of them.
const schemasByKind = {
  routedPayment: routedPaymentRequestSchema,
  twoStepAuth: twoStepAuthRequestSchema,
  twoStepPay: twoStepPayRequestSchema,
  recurringPayment: recurringPaymentRequestSchema,
  reversal: reversalRequestSchema,
  deposit: depositRequestSchema,
  withdrawal: withdrawalRequestSchema,
  payoutToCardNumber: payoutToCardNumberRequestSchema,
  payoutToBoundCard: payoutToBoundCardRequestSchema,
  sbpPayout: sbpPayoutRequestSchema,
  transitPayout: transitPayoutRequestSchema,
  topUp: topUpRequestSchema,
} as const;

/** Which operation a transaction request body is. */
export type TransactionRequestKind = keyof typeof schemasByKind;

/** The operation names, in the order they are tried. */
export const transactionRequestKinds = Object.keys(schemasByKind) as TransactionRequestKind[];

/** Any body accepted by `POST /api/transactions` or `api.mandarin.io/secure/transactions`. */
export const transactionRequestSchema = z.union([
  routedPaymentRequestSchema,
  twoStepAuthRequestSchema,
  twoStepPayRequestSchema,
  recurringPaymentRequestSchema,
  reversalRequestSchema,
  depositRequestSchema,
  withdrawalRequestSchema,
  payoutToCardNumberRequestSchema,
  payoutToBoundCardRequestSchema,
  sbpPayoutRequestSchema,
  transitPayoutRequestSchema,
  topUpRequestSchema,
]);
/** Any transaction request body. */
export type TransactionRequest = z.infer<typeof transactionRequestSchema>;

/** A parsed transaction request together with the operation it is. */
export type ClassifiedTransactionRequest = {
  [K in TransactionRequestKind]: { kind: K; request: z.infer<(typeof schemasByKind)[K]> };
}[TransactionRequestKind];

/** Parses a transaction request body and says which operation it is; null when it matches none. */
export function classifyTransactionRequest(value: unknown): ClassifiedTransactionRequest | null {
  for (const kind of transactionRequestKinds) {
    const result = schemasByKind[kind].safeParse(value);
    if (result.success) return { kind, request: result.data } as ClassifiedTransactionRequest;
  }
  return null;
}
