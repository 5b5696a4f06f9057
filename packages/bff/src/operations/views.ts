import { formatAmount, type OperationView } from '@mandarin-kit/core';
import type { OperationRecord } from '../store/records.js';

/** An operation as its owner sees it: exact amount as a wire string, destination masked. */
export function operationView(op: OperationRecord): OperationView {
  return {
    id: op.id,
    kind: op.kind,
    status: op.status,
    amount: { amount: formatAmount(op.amount), currency: 'RUB' },
    walletId: op.walletId,
    createdAt: op.createdAt,
    updatedAt: op.updatedAt,
    destinationMasked: op.destinationMasked,
    sbp:
      op.sbp === null ? null : { bankId: op.sbp.bankId, bankName: op.sbp.bankName, twoStep: op.sbp.twoStep },
    failure: op.status === 'failed' ? op.failure : null,
  };
}

/** `•••• 1111`: enough for a person to recognise a card, useless to anyone else. */
export function maskCardNumber(digits: string): string {
  return `•••• ${digits.slice(-4)}`;
}
