import { describe, expect, it } from 'vitest';
import { errorBodySchema } from './errorBody.js';
import { errorCodes, isErrorCode } from './errorCodes.js';

describe('errorBodySchema', () => {
  it('accepts the documented body', () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields',
        fields: { 'document.serial': ['Passport series must be 4 digits'] },
        requestId: 'req_1',
      },
    };
    expect(errorBodySchema.parse(body)).toEqual(body);
    expect(
      errorBodySchema.safeParse({ error: { code: 'INTERNAL', message: 'x', requestId: 'r' } }).success,
    ).toBe(true);
  });

  it('rejects unknown codes and missing request ids', () => {
    expect(errorBodySchema.safeParse({ error: { code: 'OOPS', message: 'x', requestId: 'r' } }).success).toBe(
      false,
    );
    expect(errorBodySchema.safeParse({ error: { code: 'INTERNAL', message: 'x' } }).success).toBe(false);
  });

  it('lists every code once', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    expect(errorCodes).toContain('IDEMPOTENCY_KEY_REUSED');
    expect(isErrorCode('UPSTREAM_TIMEOUT')).toBe(true);
    expect(isErrorCode('upstream_timeout')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
