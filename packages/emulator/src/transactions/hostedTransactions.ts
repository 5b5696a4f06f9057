import { formatAmount } from '@mandarin-kit/core';
import { validateCardInput } from '../cards/cardInput.js';
import { issuerDecision, maskCardNumber } from '../cards/testCards.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import type {
  HostedOperation,
  HostedOperationSource,
  HostedSubmitResult,
} from '../hosted/HostedOperation.js';
import { finishTransaction } from './finishTransaction.js';
import type { TransactionRecord } from './TransactionRecord.js';

const STATUS_TEXT: Record<HostedOperation['state'], string> = {
  open: 'Waiting for your decision.',
  processing: 'Processing…',
  success: 'Paid. You can close this page.',
  failed: 'Declined. No money was taken.',
};

const TITLES: Partial<Record<TransactionRecord['kind'], string>> = {
  twoStepAuth: 'Authorise payment',
  cardPayout: 'Receive a payout',
};

/** The test card the hosted page "charges" when Pay is pressed without a card (a script's form post). */
const HOSTED_PAGE_CARD = '4111111111111111';

/**
 * Pay with the card typed in (validated; Mandarin's and the emulator's declined test cards fail), or, when
 * the form carries no card number at all (a script pressing Pay), with the default test card.
 */
function pay(
  emulator: EmulatorContext,
  tx: TransactionRecord,
  fields: Record<string, string>,
): HostedSubmitResult {
  let pan = HOSTED_PAGE_CARD;
  if (fields.cardNumber !== undefined) {
    const result = validateCardInput(fields, emulator.clock.now());
    if (!result.ok) return { kind: 'invalid', errors: result.errors };
    pan = result.card.pan;
  }
  tx.payerCard = maskCardNumber(pan);
  finishTransaction(emulator, tx, issuerDecision(pan), 'Card declined by the issuer');
  return {
    kind: 'decided',
    outcome:
      tx.status === 'success'
        ? { heading: 'Payment accepted', message: 'Thank you.' }
        : { heading: 'Card declined', message: 'The bank declined this card. No money was taken.' },
  };
}

/** Transactions on the hosted page: payments waiting for their payer (card inputs), and the outcome of any other. */
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
      title: TITLES[tx.kind] ?? 'Payment',
      summary: [
        ['Order', tx.orderId],
        ['Amount', `${formatAmount(tx.amount)} RUB`],
        ['Merchant', emulator.options.merchantId],
      ],
      state,
      statusText: STATUS_TEXT[state],
      form: 'card',
      buttons: [
        ['pay', tx.kind === 'cardPayout' ? 'Receive' : 'Pay'],
        ['decline', 'Decline'],
      ],
      note:
        'Test cards: 4111 1111 1111 1111 and 4929 5099 4710 6878 succeed; 4000 0000 0000 0002 and ' +
        '4485 9131 8737 4384 are declined (holder CARD HOLDER, CVV 123).',
      ...(tx.returnUrl ? { returnUrl: tx.returnUrl } : {}),
      submit: (decision, fields) => {
        if (decision === 'pay') return pay(emulator, tx, fields);
        finishTransaction(emulator, tx, 'failed', 'Declined by the payer');
        return { kind: 'decided', outcome: { heading: 'Payment declined', message: 'No money was taken.' } };
      },
    };
    return operation;
  };
}
