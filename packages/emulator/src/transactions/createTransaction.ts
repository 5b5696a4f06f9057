import { randomBytes, randomUUID } from 'node:crypto';
import {
  type ClassifiedTransactionRequest,
  classifyTransactionRequest,
  parseAmount,
} from '@mandarin-kit/core';
import { checkBoundCardReference } from '../cardBindings/boundCards.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { newJsOperationId } from '../hosted/jsOperationId.js';
import { badRequest } from '../http/HttpError.js';
import { explainInvalidTransaction } from './explainInvalid.js';
import { prepareByKind } from './prepareByKind.js';
import { isFinal, type TransactionRecord } from './TransactionRecord.js';
import { KIND_TRAITS } from './transactionKinds.js';

/** `price` or `amount.value` in minor units; null when the request names none (a refund or release of all). */
function amountOf({ request }: ClassifiedTransactionRequest): bigint | null {
  const payment = request.payment as { amount?: { value: string }; price?: string };
  const wire = payment.amount?.value ?? payment.price;
  return wire === undefined ? null : parseAmount(wire);
}

/** The ESP an operation touches; an unknown one is refused up front (it is a bad reference, not funds). */
function espOf(emulator: EmulatorContext, classified: ClassifiedTransactionRequest): string | null {
  const r = classified.request as {
    target?: { paymentToken?: string };
    source?: { paymentToken?: string };
    destination?: { paymentToken?: string };
    transit?: { paymentToken?: string };
  };
  const id =
    r.target?.paymentToken ??
    r.source?.paymentToken ??
    r.destination?.paymentToken ??
    r.transit?.paymentToken;
  if (id === undefined) return null;
  const esp = emulator.esps.get(id);
  if (!esp) throw badRequest(`Payment token ${id} not found`);
  return esp.id;
}

/**
 * `orderId` is the idempotency key (SPEC.md): a second request with an orderId this merchant already used
 * creates nothing, whatever its action and whether the first one finished.
 */
function refuseDuplicateOrder(emulator: EmulatorContext, orderId: string): void {
  const first = emulator.transactions.byOrderId(orderId);
  if (!first) return;
  const state = isFinal(first) ? 'completed' : 'incomplete';
  throw badRequest(`Duplicate order id ${orderId} found for ${state} ${first.action} transaction`, {
    errorCode: -2,
  });
}

/**
 * Validates a transaction request and records it (every shape of the seed and of the payments reference).
 * Problems with the request itself (shape, routing sums, references, duplicates, reversal bounds) are a
 * synchronous 400 and create nothing; what is decided while processing (funds, limits, wallet state, SBP
 * recipient, the card) ends in a `failed` callback.
 */
export function createTransaction(emulator: EmulatorContext, body: unknown): TransactionRecord {
  const classified = classifyTransactionRequest(body);
  if (!classified) throw explainInvalidTransaction(body);
  const { kind, request } = classified;
  const payment = request.payment;
  refuseDuplicateOrder(emulator, payment.orderId);
  checkBoundCardReference(emulator, request);
  const tx: TransactionRecord = {
    id: randomBytes(16).toString('hex'),
    payToken: randomUUID(),
    jsOperationId: newJsOperationId(),
    kind,
    action: payment.action,
    orderId: payment.orderId,
    amount: amountOf(classified) ?? 0n,
    status: KIND_TRAITS[kind].payer ? 'awaiting_payer' : 'processing',
    failureReason: null,
    createdAt: emulator.clock.iso(),
    finishedAt: null,
    request: request as unknown as Record<string, unknown>,
    callbackUrl: request.urls?.callback,
    returnUrl: request.urls?.return,
    routing: [],
    targetId: null,
    espId: espOf(emulator, classified),
    captured: false,
    released: false,
    sbp: null,
    callbackFields: null,
  };
  // Checks first, then links (a capture marks its hold): a refused request leaves everything as it was.
  prepareByKind(emulator, classified, tx, amountOf(classified));
  emulator.transactions.add(tx);
  return tx;
}
