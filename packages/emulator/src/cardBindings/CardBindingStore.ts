import type { CardBindingRecord } from './CardBindingRecord.js';

/** Every card binding, by id, by the pay token of its hosted page and by its hosted-fields operation id. */
export class CardBindingStore {
  readonly #byId = new Map<string, CardBindingRecord>();
  readonly #byPayToken = new Map<string, CardBindingRecord>();
  readonly #byJsOperationId = new Map<string, CardBindingRecord>();

  add(binding: CardBindingRecord): void {
    this.#byId.set(binding.id, binding);
    this.#byPayToken.set(binding.payToken, binding);
    this.#byJsOperationId.set(binding.jsOperationId, binding);
  }

  get(id: string): CardBindingRecord | undefined {
    return this.#byId.get(id.toLowerCase());
  }

  byPayToken(token: string): CardBindingRecord | undefined {
    return this.#byPayToken.get(token.toLowerCase());
  }

  byJsOperationId(operationId: string): CardBindingRecord | undefined {
    return this.#byJsOperationId.get(operationId);
  }

  list(): CardBindingRecord[] {
    return [...this.#byId.values()];
  }

  reset(): void {
    this.#byId.clear();
    this.#byPayToken.clear();
    this.#byJsOperationId.clear();
  }
}
