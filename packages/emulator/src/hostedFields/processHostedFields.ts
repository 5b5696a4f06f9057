import { z } from 'zod';
import { completeBinding } from '../cardBindings/completeBinding.js';
import { validateCardInput } from '../cards/cardInput.js';
import { issuerDecision, maskCardNumber } from '../cards/testCards.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { badRequest, HttpError, notFound } from '../http/HttpError.js';
import { parseWith } from '../http/parseWith.js';
import { finishTransaction } from '../transactions/finishTransaction.js';

const text = z.string().max(64).optional();

/** What the card-number iframe posts: the operation and the four values it collected from its siblings. */
export const processBodySchema = z.strictObject({
  operationId: z.string().min(1).max(64),
  cardNumber: text,
  cardHolder: text,
  cardExpiration: text,
  cardCvv: text,
});

/** The answer the card-number iframe relays to the host page's `onsuccess` / `onerror`. */
export interface ProcessAnswer {
  operationId: string;
  /** The card binding id or the transaction id. */
  id: string;
  objectType: 'card_binding' | 'transaction';
  status: 'success' | 'failed';
  /** Why it failed (`Card declined by the issuer`, …). */
  error?: string;
}

/**
 * Completes whatever the hosted fields' `operationId` belongs to: a pending card binding, or a payment
 * waiting for its payer (the same as Pay on the hosted page, with the card typed in). Invalid card data is a
 * 400 with `fields` (per-field messages) and decides nothing, so the payer can correct it and retry.
 */
export function processHostedFields(emulator: EmulatorContext, body: unknown): ProcessAnswer {
  const input = parseWith(processBodySchema, body);
  const binding = emulator.cardBindings.byJsOperationId(input.operationId);
  const tx = binding ? undefined : emulator.transactions.byJsOperationId(input.operationId);
  if (!binding && !tx) throw notFound(`Operation ${input.operationId} not found`);
  const open = binding ? binding.status === 'pending' : tx!.status === 'awaiting_payer';
  if (!open) throw new HttpError(409, 'This operation has already been completed');
  const validation = validateCardInput(input, emulator.clock.now());
  if (!validation.ok) throw badRequest('Check the card details', { fields: validation.errors });
  const { card } = validation;

  if (binding) {
    completeBinding(emulator, binding, card);
    return answer(input.operationId, binding.id, 'card_binding', binding.status, binding.failureReason);
  }
  const payment = tx!;
  payment.payerCard = maskCardNumber(card.pan);
  finishTransaction(emulator, payment, issuerDecision(card.pan), 'Card declined by the issuer');
  return answer(input.operationId, payment.id, 'transaction', payment.status, payment.failureReason);
}

function answer(
  operationId: string,
  id: string,
  objectType: ProcessAnswer['objectType'],
  status: string,
  failureReason: string | null,
): ProcessAnswer {
  const ok = status === 'success';
  return {
    operationId,
    id,
    objectType,
    status: ok ? 'success' : 'failed',
    ...(ok ? {} : { error: failureReason ?? 'Declined' }),
  };
}
