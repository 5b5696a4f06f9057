import { type CounterpartyView, type OperationHistoryRow, operationDirection } from '@mandarin-kit/core';
import type { OperationRecord } from '../store/records.js';
import { operationView } from './views.js';

function counterparty(op: OperationRecord): CounterpartyView | null {
  if (op.sbp !== null) return { type: 'sbp', bankName: op.sbp.bankName, phoneMasked: op.sbp.phoneMasked };
  if (op.destinationMasked !== null) return { type: 'card', cardMasked: op.destinationMasked };
  return null;
}

/** A row of a wallet's history: the operation as its owner sees it, signed by direction, with its counterparty. */
export function historyRow(op: OperationRecord): OperationHistoryRow {
  const view = operationView(op);
  const direction = operationDirection(op.kind);
  return {
    ...view,
    direction,
    signedAmount: `${direction === 'in' ? '+' : '-'}${view.amount.amount}`,
    counterparty: counterparty(op),
  };
}
