import { formatAmount } from '@mandarin-kit/core';
import type { EmulatorContext } from '../EmulatorContext.js';
import type { HostedOperation, HostedOperationSource } from '../hosted/HostedOperation.js';
import { finishTransaction } from './finishTransaction.js';

const STATUS_TEXT: Record<HostedOperation['state'], string> = {
  open: 'Waiting for your decision.',
  processing: 'Processing…',
  success: 'Paid. You can close this page.',
  failed: 'Declined. No money was taken.',
};

/** Transactions on the hosted page: payments waiting for their payer, and the outcome of any other. */
export function hostedTransactions(emulator: EmulatorContext): HostedOperationSource {
  return (token) => {
    const tx = emulator.transactions.byPayToken(token);
    if (!tx) return undefined;
    const state: HostedOperation['state'] =
      tx.status === 'awaiting_payer'
        ? 'open'
        : tx.status === 'success' || tx.status === 'failed'
          ? tx.status
          : 'processing';
    const operation: HostedOperation = {
      title: tx.kind === 'twoStepAuth' ? 'Authorise payment' : 'Payment',
      summary: [
        ['Order', tx.orderId],
        ['Amount', `${formatAmount(tx.amount)} RUB`],
        ['Merchant', emulator.options.merchantId],
      ],
      state,
      statusText: STATUS_TEXT[state],
      form: 'decision',
      buttons: [
        ['pay', 'Pay'],
        ['decline', 'Decline'],
      ],
      note: 'Test card 4111 1111 1111 1111 is charged when you press Pay.',
      ...(tx.returnUrl ? { returnUrl: tx.returnUrl } : {}),
      submit: (decision) => {
        const paid = decision === 'pay';
        finishTransaction(emulator, tx, paid ? 'success' : 'failed', 'Declined by the payer');
        return {
          kind: 'decided',
          outcome: paid
            ? { heading: 'Payment accepted', message: 'Thank you.' }
            : { heading: 'Payment declined', message: 'No money was taken.' },
        };
      },
    };
    return operation;
  };
}
