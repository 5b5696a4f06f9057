import type { TransactionRecord } from './TransactionRecord.js';

/** Every transaction, by id, by the pay token of its hosted page and by the merchant's orderId. */
export class TransactionStore {
  readonly #byId = new Map<string, TransactionRecord>();
  readonly #byPayToken = new Map<string, TransactionRecord>();
  // The emulator serves one merchant, so an orderId alone identifies an order.
  readonly #byOrderId = new Map<string, TransactionRecord>();

  add(tx: TransactionRecord): void {
    this.#byId.set(tx.id, tx);
    this.#byPayToken.set(tx.payToken, tx);
    this.#byOrderId.set(tx.orderId, tx);
  }

  /** The transaction created for this orderId: Mandarin refuses a second one (errorCode -2). */
  byOrderId(orderId: string): TransactionRecord | undefined {
    return this.#byOrderId.get(orderId);
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

  /** Reversals of a payment that succeeded or may still succeed: together they bound the next one. */
  activeReversalsOf(paymentId: string): TransactionRecord[] {
    return this.list().filter(
      (tx) => tx.kind === 'reversal' && tx.targetId === paymentId && tx.status !== 'failed',
    );
  }

  reset(): void {
    this.#byId.clear();
    this.#byPayToken.clear();
    this.#byOrderId.clear();
  }
}
