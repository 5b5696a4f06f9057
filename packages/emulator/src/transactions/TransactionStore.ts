import type { TransactionRecord } from './TransactionRecord.js';
import { isFinal } from './TransactionRecord.js';

/** Every transaction, by id and by the pay token of its hosted page. */
export class TransactionStore {
  readonly #byId = new Map<string, TransactionRecord>();
  readonly #byPayToken = new Map<string, TransactionRecord>();

  add(tx: TransactionRecord): void {
    this.#byId.set(tx.id, tx);
    this.#byPayToken.set(tx.payToken, tx);
  }

  get(id: string): TransactionRecord | undefined {
    return this.#byId.get(id.toLowerCase());
  }

  byPayToken(token: string): TransactionRecord | undefined {
    return this.#byPayToken.get(token.toLowerCase());
  }

  /** The transaction the hosted fields pay (their `operationId`). Linear: only payers' clicks call it. */
  byJsOperationId(operationId: string): TransactionRecord | undefined {
    return this.list().find((tx) => tx.jsOperationId === operationId);
  }

  list(): TransactionRecord[] {
    return [...this.#byId.values()];
  }

  /** An unfinished payout with this orderId: Mandarin refuses a second one (errorCode -2). */
  unfinishedPayout(orderId: string): TransactionRecord | undefined {
    return this.list().find((tx) => tx.action === 'payout' && tx.orderId === orderId && !isFinal(tx));
  }

  /** Reversals of a payment that succeeded or may still succeed: together they bound the next one. */
  activeReversalsOf(paymentId: string): TransactionRecord[] {
    return this.list().filter(
      (tx) => tx.kind === 'reversal' && tx.targetId === paymentId && tx.status !== 'failed',
    );
  }

  reset(): void {
    this.#byId.clear();
    this.#byPayToken.clear();
  }
}
