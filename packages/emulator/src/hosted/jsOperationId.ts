import { randomBytes } from 'node:crypto';

const JS_OPERATION_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A `jsOperationId` like the seed's (24 lowercase letters and digits). Transactions and card bindings
 * share the format, because the hosted fields take either one as `operationId`.
 */
export function newJsOperationId(): string {
  return [...randomBytes(24)].map((b) => JS_OPERATION_ALPHABET[b % JS_OPERATION_ALPHABET.length]).join('');
}
