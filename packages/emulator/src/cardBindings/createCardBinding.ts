import { randomUUID } from 'node:crypto';
import { cardBindingRequestSchema } from '@mandarin-kit/core';
import type { EmulatorContext } from '../EmulatorContext.js';
import { newJsOperationId } from '../hosted/jsOperationId.js';
import { parseWith } from '../http/parseWith.js';
import type { CardBindingRecord } from './CardBindingRecord.js';

/** Validates a `POST /api/card-bindings` body with core's schema and records a pending binding. */
export function createCardBinding(emulator: EmulatorContext, body: unknown): CardBindingRecord {
  const request = parseWith(cardBindingRequestSchema, body);
  const binding: CardBindingRecord = {
    id: randomUUID(),
    payToken: randomUUID(),
    jsOperationId: newJsOperationId(),
    status: 'pending',
    failureReason: null,
    customerInfo: request.customerInfo,
    callbackUrl: request.urls?.callback,
    returnUrl: request.urls?.return,
    card: null,
    createdAt: emulator.clock.iso(),
    finishedAt: null,
    callbackFields: null,
  };
  emulator.cardBindings.add(binding);
  return binding;
}
