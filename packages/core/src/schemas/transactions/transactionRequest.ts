import { z } from 'zod';
import { boundCardPayoutRequestSchema, cardNumberPayoutRequestSchema } from './cardPayouts.js';
import {
  cardPaymentRequestSchema,
  cardPayoutRequestSchema,
  rebillRequestSchema,
  recurringPaymentRequestSchema,
  reversalRequestSchema,
  routedPaymentRequestSchema,
} from './payments.js';
import { captureRequestSchema, releaseRequestSchema, twoStepAuthRequestSchema } from './twoStep.js';
import {
  depositRequestSchema,
  payoutToBoundCardRequestSchema,
  payoutToCardNumberRequestSchema,
  sbpPayoutRequestSchema,
  topUpRequestSchema,
  transitPayoutRequestSchema,
  withdrawalRequestSchema,
} from './walletOperations.js';

// Each shape has its own combination of action and reference keys (target, source, destination, transit,
// routing, and which key target holds), and refuses reference keys it doesn't name, so a body matches at
// most one of them even though extra fields are tolerated.
const schemasByKind = {
  routedPayment: routedPaymentRequestSchema,
  cardPayment: cardPaymentRequestSchema,
  cardPayout: cardPayoutRequestSchema,
  twoStepAuth: twoStepAuthRequestSchema,
  capture: captureRequestSchema,
  release: releaseRequestSchema,
  recurringPayment: recurringPaymentRequestSchema,
  rebill: rebillRequestSchema,
  reversal: reversalRequestSchema,
  deposit: depositRequestSchema,
  withdrawal: withdrawalRequestSchema,
  payoutToCardNumber: payoutToCardNumberRequestSchema,
  payoutToBoundCard: payoutToBoundCardRequestSchema,
  cardNumberPayout: cardNumberPayoutRequestSchema,
  boundCardPayout: boundCardPayoutRequestSchema,
  sbpPayout: sbpPayoutRequestSchema,
  transitPayout: transitPayoutRequestSchema,
  topUp: topUpRequestSchema,
} as const;

/** Which operation a transaction request body is. */
export type TransactionRequestKind = keyof typeof schemasByKind;

/** The operation names, in the order they are tried. */
export const transactionRequestKinds = Object.keys(schemasByKind) as TransactionRequestKind[];

/** The schema of each operation, for a caller that explains why a body matches none. */
export const transactionRequestSchemas: Readonly<Record<TransactionRequestKind, z.ZodType>> = schemasByKind;

/** Any body accepted by `POST /api/transactions` or `api.mandarin.io/secure/transactions`. */
export const transactionRequestSchema = z.union([
  routedPaymentRequestSchema,
  cardPaymentRequestSchema,
  cardPayoutRequestSchema,
  twoStepAuthRequestSchema,
  captureRequestSchema,
  releaseRequestSchema,
  recurringPaymentRequestSchema,
  rebillRequestSchema,
  reversalRequestSchema,
  depositRequestSchema,
  withdrawalRequestSchema,
  payoutToCardNumberRequestSchema,
  payoutToBoundCardRequestSchema,
  cardNumberPayoutRequestSchema,
  boundCardPayoutRequestSchema,
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
