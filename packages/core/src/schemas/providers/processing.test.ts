import { describe, expect, it } from 'vitest';
import { processingCallbackSchema } from './processing.js';

describe('processingCallbackSchema', () => {
  it('needs type, id and status and keeps the rest', () => {
    const body = {
      type: 'payin',
      id: 'tx-42',
      status: 'completed',
      amount: '100.00',
      currency: 'RUB',
      created_at: '2024-07-02T12:50:30Z',
      merchant: { ref: 'o-1' },
    };
    expect(processingCallbackSchema.parse(body)).toEqual(body);
  });

  it('rejects a body without the identifying fields', () => {
    expect(processingCallbackSchema.safeParse({ type: 'payin', id: 'tx-42' }).success).toBe(false);
    expect(processingCallbackSchema.safeParse({ type: 'payin', id: 42, status: 'completed' }).success).toBe(
      false,
    );
    expect(processingCallbackSchema.safeParse({ type: '', id: 'x', status: 'completed' }).success).toBe(
      false,
    );
  });
});
