import {
  type ClassifiedTransactionRequest,
  formatAmount,
  fromRoutingWire,
  type RoutingEntry,
} from '@mandarin-kit/core';
import type { EmulatorContext } from '../EmulatorContext.js';
import { badRequest } from '../http/HttpError.js';
import { bankFor } from '../sbp/banks.js';
import { normalizeRuPhone } from '../sbp/sandboxPhones.js';
import { checkReversal, checkRouting } from './checkRouting.js';
import type { TransactionRecord } from './TransactionRecord.js';
import { CARD_PAYMENT_KINDS } from './transactionKinds.js';

/** A split that goes with a payment, checked against its amount when there is one. */
function withRouting(
  emulator: EmulatorContext,
  tx: TransactionRecord,
  routing: { destination: RoutingEntry[] } | undefined,
): void {
  if (routing === undefined) return;
  tx.routing = fromRoutingWire(routing.destination);
  checkRouting(emulator, tx.amount, tx.routing);
}

/** The hold a capture or a release acts on: an authorised preauth that is neither captured nor released. */
function openHold(emulator: EmulatorContext, id: string): TransactionRecord {
  const hold = emulator.transactions.get(id);
  if (hold?.kind !== 'twoStepAuth') throw badRequest(`Preauth ${id} not found`);
  if (hold.status !== 'success') throw badRequest(`Preauth ${hold.id} is not authorised (${hold.status})`);
  if (hold.released) throw badRequest(`Preauth ${hold.id} has been released`);
  if (hold.captured) throw badRequest(`Preauth ${hold.id} has already been captured`);
  return hold;
}

/** A successful card payment (`action: "pay"`) that a refund or a rebill may act on. */
function paidByCard(emulator: EmulatorContext, id: string): TransactionRecord {
  const payment = emulator.transactions.get(id);
  if (!payment || !CARD_PAYMENT_KINDS.includes(payment.kind)) throw badRequest(`Payment ${id} not found`);
  if (payment.status !== 'success') throw badRequest(`Payment ${payment.id} has not succeeded`);
  return payment;
}

/** How much of a payment earlier refunds (succeeded or still processing) have not taken back yet. */
function refundable(emulator: EmulatorContext, payment: TransactionRecord): bigint {
  const taken = emulator.transactions.activeReversalsOf(payment.id).reduce((sum, r) => sum + r.amount, 0n);
  return payment.amount - taken;
}

function prepareRefund(
  emulator: EmulatorContext,
  tx: TransactionRecord,
  request: Extract<ClassifiedTransactionRequest, { kind: 'reversal' }>['request'],
  requested: bigint | null,
): void {
  const payment = paidByCard(emulator, request.target.transaction);
  const left = refundable(emulator, payment);
  tx.targetId = payment.id;
  if (payment.routing.length > 0) {
    // A routed payment says which accounts give back what (seed: routing.source goes with the reversal).
    if (request.routing === undefined) {
      throw badRequest(`routing.source is required to reverse routed payment ${payment.id}`);
    }
    tx.routing = fromRoutingWire(request.routing.source);
    tx.amount = requested ?? tx.routing.reduce((sum, share) => sum + share.amount, 0n);
    checkReversal(emulator, payment, tx.amount, tx.routing);
    return;
  }
  if (request.routing !== undefined) {
    throw badRequest(`Payment ${payment.id} was not routed: a refund of it takes no routing.source`);
  }
  tx.amount = requested ?? left;
  if (left === 0n) throw badRequest(`Payment ${payment.id} has been refunded in full`);
  if (tx.amount > left)
    throw badRequest(`Payment ${payment.id} can be refunded at most ${formatAmount(left)}`);
}

/**
 * The checks and links of each kind of transaction (what it acts on, its split, its first status). Throws a
 * 400 before changing anything else, so a refused request leaves the other transactions as they were.
 */
export function prepareByKind(
  emulator: EmulatorContext,
  classified: ClassifiedTransactionRequest,
  tx: TransactionRecord,
  requested: bigint | null,
): void {
  switch (classified.kind) {
    case 'routedPayment':
    case 'recurringPayment':
      withRouting(emulator, tx, classified.request.routing);
      return;
    case 'rebill': {
      const earlier = paidByCard(emulator, classified.request.target.rebill);
      if (earlier.action !== 'pay') throw badRequest(`Transaction ${earlier.id} is not a payment`);
      withRouting(emulator, tx, classified.request.routing);
      tx.targetId = earlier.id;
      if (earlier.payerCard) tx.payerCard = earlier.payerCard;
      return;
    }
    case 'capture': {
      const hold = openHold(emulator, classified.request.target.preauth);
      if (tx.amount > hold.amount) throw badRequest('The capture exceeds the held amount');
      withRouting(emulator, tx, classified.request.routing);
      tx.targetId = hold.id;
      if (hold.payerCard) tx.payerCard = hold.payerCard;
      hold.captured = true;
      return;
    }
    case 'release': {
      const hold = openHold(emulator, classified.request.target.preauth);
      tx.amount = requested ?? hold.amount;
      if (tx.amount > hold.amount) throw badRequest('The release exceeds the held amount');
      tx.targetId = hold.id;
      if (hold.payerCard) tx.payerCard = hold.payerCard;
      hold.released = true;
      return;
    }
    case 'reversal':
      prepareRefund(emulator, tx, classified.request, requested);
      return;
    case 'sbpPayout': {
      const { bankId, bankBic } = classified.request.destination.sbp;
      if (!bankFor(bankId, bankBic)) throw badRequest(`Unknown SBP bank ${bankId} / ${bankBic}`);
      tx.sbp = {
        phone: normalizeRuPhone(classified.request.customerInfo.phone),
        fullName: null,
        step: 'created',
      };
      if (!emulator.options.sbpOneStep) tx.status = 'awaiting_confirmation';
      return;
    }
    default:
      // Wallet operations and payouts: checked (funds, limits, wallet state, the card) when they complete.
      return;
  }
}
