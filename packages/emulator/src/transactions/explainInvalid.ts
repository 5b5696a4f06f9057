import {
  depositRequestSchema,
  payoutToBoundCardRequestSchema,
  payoutToCardNumberRequestSchema,
  recurringPaymentRequestSchema,
  reversalRequestSchema,
  routedPaymentRequestSchema,
  sbpPayoutRequestSchema,
  topUpRequestSchema,
  transitPayoutRequestSchema,
  twoStepAuthRequestSchema,
  twoStepPayRequestSchema,
  withdrawalRequestSchema,
} from '@mandarin-kit/core';
import type { z } from 'zod';
import { badRequest, type HttpError } from '../http/HttpError.js';
import { invalidRequest } from '../http/parseWith.js';

const SHAPES: Array<[string, z.ZodType]> = [
  ['routed payment', routedPaymentRequestSchema],
  ['two-step authorisation', twoStepAuthRequestSchema],
  ['two-step charge', twoStepPayRequestSchema],
  ['recurring payment', recurringPaymentRequestSchema],
  ['reversal', reversalRequestSchema],
  ['deposit', depositRequestSchema],
  ['withdrawal', withdrawalRequestSchema],
  ['payout to card number', payoutToCardNumberRequestSchema],
  ['payout to bound card', payoutToBoundCardRequestSchema],
  ['SBP payout', sbpPayoutRequestSchema],
  ['transit payout', transitPayoutRequestSchema],
  ['top-up', topUpRequestSchema],
];

/**
 * A body that matches no transaction shape gets the issues of the shape it came closest to (fewest
 * issues), which names the field to fix instead of zod's "no union member matched".
 */
export function explainInvalidTransaction(body: unknown): HttpError {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest('Invalid request: the body must be a JSON object');
  }
  let best: { name: string; issues: z.core.$ZodIssue[] } | undefined;
  for (const [name, schema] of SHAPES) {
    const result = schema.safeParse(body);
    if (result.success) continue;
    if (!best || result.error.issues.length < best.issues.length)
      best = { name, issues: result.error.issues };
  }
  return invalidRequest(`Invalid request (closest shape: ${best?.name ?? 'none'})`, best?.issues ?? []);
}
