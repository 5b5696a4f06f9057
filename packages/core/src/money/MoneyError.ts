/** Why a money operation refused its input; branch on `code`, not on the message. */
export type MoneyErrorCode =
  | 'INVALID_AMOUNT'
  | 'AMOUNT_TOO_LARGE'
  | 'NOT_AN_INTEGER'
  | 'UNSAFE_INTEGER'
  | 'INVALID_WEIGHTS'
  | 'INSUFFICIENT_REMAINING';

/** Thrown by the money and routing functions when an input can't be represented exactly. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
