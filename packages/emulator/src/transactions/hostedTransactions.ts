import { formatAmount } from '@mandarin-kit/core';
import type { EmulatorContext } from '../EmulatorContext.js';
import type { HostedOperation, HostedOperationSource } from '../hosted/HostedOperation.js';
import { finishTransaction } from './finishTransaction.js';

/** Transactions on the hosted page: payments waiting for their payer, and the outcome of any other. */
export function hostedTransactions(emulator: EmulatorContext): HostedOperationSource {
  return (token) => {
    const tx = emulator.transactions.byPayToken(token);
    if (!tx) return undefined;
    const operation: HostedOperation = {
      title: tx.kind === 'twoStepAuth' ? 'Authorise payment' : 'Payment',
      summary: [
        ['Order', tx.orderId],
        ['Amount', `${formatAmount(tx.amount)} RUB`],
        ['Merchant', emulator.options.merchantId],
      ],
      state:
        tx.status === 'awaiting_payer'
          ? 'open'
          : tx.status === 'success' || tx.status === 'failed'
            ? tx.status
            : 'processing',
      ...(tx.returnUrl ? { returnUrl: tx.returnUrl } : {}),
      decide: (decision) =>
        finishTransaction(emulator, tx, decision === 'pay' ? 'success' : 'failed', 'Declined by the payer'),
    };
    return operation;
  };
}
