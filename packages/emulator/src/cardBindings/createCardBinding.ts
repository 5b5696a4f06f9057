import { randomUUID } from 'node:crypto';
import { cardBindingRequestSchema, oneSideCardBindingRequestSchema } from '@mandarin-kit/core';
import { maskPan } from '../cards/testCards.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { newJsOperationId } from '../hosted/jsOperationId.js';
import { parseWith } from '../http/parseWith.js';
import type { CardBindingRecord } from './CardBindingRecord.js';
import { sendCardBindingCallback } from './cardBindingCallback.js';

/**
 * Validates a `POST /api/card-bindings` body with core's schemas and records the binding: pending until the
 * payer enters a card, or, for a one-side binding (`target.knownCardNumber`), bound at once for payouts
 * (its success callback goes out right away; only the masked number is kept).
 */
export function createCardBinding(emulator: EmulatorContext, body: unknown): CardBindingRecord {
  const oneSide = typeof body === 'object' && body !== null && 'target' in body;
  const knownCard = oneSide ? parseWith(oneSideCardBindingRequestSchema, body) : undefined;
  const request = knownCard ?? parseWith(cardBindingRequestSchema, body);
  const now = emulator.clock.iso();
  const binding: CardBindingRecord = {
    id: randomUUID(),
    payToken: randomUUID(),
    jsOperationId: newJsOperationId(),
    status: 'pending',
    oneSide,
    failureReason: null,
    customerInfo: request.customerInfo,
    callbackUrl: request.urls?.callback,
    returnUrl: request.urls?.return,
    card: null,
    createdAt: now,
    finishedAt: null,
    callbackFields: null,
  };
  emulator.cardBindings.add(binding);
  if (knownCard) {
    binding.status = 'success';
    binding.card = { masked: maskPan(knownCard.target.knownCardNumber) };
    binding.finishedAt = now;
    emulator.log(`card binding ${binding.id} success (one-side)`);
    sendCardBindingCallback(emulator, binding);
  }
  return binding;
}
