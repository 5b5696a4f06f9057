import { randomBytes, randomUUID } from 'node:crypto';
import {
  type ClassifiedTransactionRequest,
  classifyTransactionRequest,
  fromRoutingWire,
  parseAmount,
} from '@mandarin-kit/core';
import { checkBoundCardReference } from '../cardBindings/boundCards.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { newJsOperationId } from '../hosted/jsOperationId.js';
import { badRequest } from '../http/HttpError.js';
import { bankFor } from '../sbp/banks.js';
import { normalizeRuPhone } from '../sbp/sandboxPhones.js';
import { checkReversal, checkRouting } from './checkRouting.js';
import { explainInvalidTransaction } from './explainInvalid.js';
import { isFinal, type TransactionRecord } from './TransactionRecord.js';

function amountOf({ request }: ClassifiedTransactionRequest): bigint {
  const payment = request.payment as { amount?: { value: string }; price?: string };
  return parseAmount(payment.amount?.value ?? payment.price!);
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
 * Validates a transaction request and records it (every shape of the seed). Problems with the request
 * itself (shape, routing sums, references, duplicates, reversal bounds) are a synchronous 400; what is
 * decided while processing (funds, limits, wallet state, SBP recipient) ends in a `failed` callback.
 */
export function createTransaction(emulator: EmulatorContext, body: unknown): TransactionRecord {
  const classified = classifyTransactionRequest(body);
  if (!classified) throw explainInvalidTransaction(body);
  const { kind, request } = classified;
  const amount = amountOf(classified);
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
    amount,
    status: 'processing',
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
    sbp: null,
    callbackFields: null,
  };
  switch (classified.kind) {
    case 'routedPayment':
      tx.routing = fromRoutingWire(classified.request.routing.destination);
      checkRouting(emulator, amount, tx.routing);
      tx.status = 'awaiting_payer'; // the payer enters the card on the hosted page
      break;
    case 'recurringPayment':
      tx.routing = fromRoutingWire(classified.request.routing.destination);
      checkRouting(emulator, amount, tx.routing);
      break;
    case 'twoStepAuth':
      tx.status = 'awaiting_payer';
      break;
    case 'twoStepPay': {
      const auth = emulator.transactions.get(classified.request.target.transaction);
      if (auth?.kind !== 'twoStepAuth') {
        throw badRequest(`Authorisation ${classified.request.target.transaction} not found`);
      }
      if (auth.status !== 'success')
        throw badRequest(`Authorisation ${auth.id} is not authorised (${auth.status})`);
      if (auth.captured) throw badRequest(`Authorisation ${auth.id} has already been charged`);
      if (amount > auth.amount) throw badRequest('The charge exceeds the authorised amount');
      tx.routing = fromRoutingWire(classified.request.routing.destination);
      checkRouting(emulator, amount, tx.routing);
      tx.targetId = auth.id;
      auth.captured = true;
      break;
    }
    case 'reversal': {
      const target = emulator.transactions.get(classified.request.target.transaction);
      if (!target || !['routedPayment', 'twoStepPay', 'recurringPayment'].includes(target.kind)) {
        throw badRequest(`Payment ${classified.request.target.transaction} not found`);
      }
      if (target.status !== 'success') throw badRequest(`Payment ${target.id} has not succeeded`);
      tx.routing = fromRoutingWire(classified.request.routing.source);
      checkReversal(emulator, target, amount, tx.routing);
      tx.targetId = target.id;
      break;
    }
    case 'sbpPayout': {
      const { bankId, bankBic } = classified.request.destination.sbp;
      if (!bankFor(bankId, bankBic)) throw badRequest(`Unknown SBP bank ${bankId} / ${bankBic}`);
      tx.sbp = {
        phone: normalizeRuPhone(classified.request.customerInfo.phone),
        fullName: null,
        step: 'created',
      };
      if (!emulator.options.sbpOneStep) tx.status = 'awaiting_confirmation';
      break;
    }
    default:
      // Wallet operations: checked (funds, limits, wallet state) when they complete.
      break;
  }
  emulator.transactions.add(tx);
  return tx;
}
