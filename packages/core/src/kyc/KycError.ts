/** What went wrong in a KYC helper; code branches on it, never on the message. */
export type KycErrorCode = 'INVALID_PHONE' | 'INVALID_SNILS' | 'INVALID_DATE';

/** Thrown by KYC helpers that transform input and so cannot answer with a boolean. */
export class KycError extends Error {
  override readonly name = 'KycError';
  readonly code: KycErrorCode;

  constructor(code: KycErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
