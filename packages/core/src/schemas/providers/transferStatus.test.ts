import { describe, expect, it } from 'vitest';
import { parseForm } from '../fixtures/parseForm.js';
import { transferStatusCallbackSchema, transferStatusSchema } from './transferStatus.js';

describe('transferStatusCallbackSchema', () => {
  it('parses the seed example', () => {
    expect(
      transferStatusCallbackSchema.parse(parseForm('transfer_id=239441503&status=done&date=1596014146')),
    ).toEqual({
      transfer_id: '239441503',
      status: 'done',
      date: '1596014146',
    });
  });

  it('knows the eight statuses of the seed', () => {
    expect(transferStatusSchema.options).toEqual([
      'waiting_funds',
      'waiting_registration',
      'waiting_password',
      'reserved',
      'rejected',
      'revoked',
      'failed',
      'done',
    ]);
    expect(
      transferStatusCallbackSchema.safeParse(parseForm('transfer_id=1&status=waiting&date=1')).success,
    ).toBe(false);
  });

  it('requires a transfer id and unix seconds', () => {
    expect(transferStatusCallbackSchema.safeParse(parseForm('status=done&date=1596014146')).success).toBe(
      false,
    );
    expect(
      transferStatusCallbackSchema.safeParse(parseForm('transfer_id=1&status=done&date=2020-07-29')).success,
    ).toBe(false);
  });
});
