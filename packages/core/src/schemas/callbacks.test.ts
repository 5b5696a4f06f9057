import { describe, expect, it } from 'vitest';
import { mandarinSignatureBase } from '../signatures/mandarinSignatureBase.js';
import { mandarinCallbackSchema } from './callbacks.js';
import { parseForm } from './fixtures/parseForm.js';

const form =
  'merchantId=1&orderId=123&email=user%40example.com&orderActualTill=2020-02-20+12%3A34%3A56%2B00%3A00' +
  '&price=123.00&action=pay&customer_fullName=Ivan+Ivanov&customer_phone=%2B79001234567' +
  '&customer_email=user%40example.com&transaction=43913ddc000c4d3990fddbd3980c1725&object_type=transaction' +
  '&status=success&payment_system=mandarinpayv1&sandbox=true&cb_processed_at=2024-07-02T12%3A50%3A30Z' +
  '&card_number=220220XXXXXX1047&gw_channel=&gw_id=7&cs2=p1&cs3=p2&my_meta=m&sign=abc123';

const fields = () => parseForm(form);

describe('mandarinCallbackSchema', () => {
  it('parses a transaction callback and keeps unknown and empty fields for the signature', () => {
    const parsed = mandarinCallbackSchema.parse(fields());
    expect(parsed.status).toBe('success');
    expect(parsed.my_meta).toBe('m');
    expect(parsed.gw_channel).toBe('');
    expect(mandarinSignatureBase(parsed, 's')).toBe(mandarinSignatureBase(fields(), 's'));
  });

  it('reads the reason of a failed transaction', () => {
    const failed = mandarinCallbackSchema.parse({
      ...fields(),
      status: 'failed',
      error: 'Insufficient funds',
    });
    expect(failed.error).toBe('Insufficient funds');
    expect(mandarinCallbackSchema.parse(fields()).error).toBeUndefined();
    expect(mandarinCallbackSchema.safeParse({ ...fields(), error: 42 }).success).toBe(false);
  });

  it('parses a card binding callback', () => {
    const binding = {
      object_type: 'card_binding',
      card_binding: '63eed817-c56e-4aac-ad38-15113ed13722',
      card_holder: 'IVAN IVANOV',
      card_number: '220220XXXXXX1047',
      card_expiration_year: '2027',
      card_expiration_month: '09',
      status: 'success',
      sign: 'f00',
    };
    expect(mandarinCallbackSchema.parse(binding)).toEqual(binding);
  });

  it('requires sign, string values and a known object type, and keeps any status word for the BFF to judge', () => {
    const { sign: _, ...unsigned } = fields();
    expect(mandarinCallbackSchema.safeParse(unsigned).success).toBe(false);
    expect(mandarinCallbackSchema.safeParse({ ...fields(), sign: '' }).success).toBe(false);
    expect(mandarinCallbackSchema.safeParse({ ...fields(), cs4: ['a', 'b'] }).success).toBe(false);
    // A status Mandarin does not document is kept (and changes nothing), never refused into endless re-sends.
    expect(mandarinCallbackSchema.safeParse({ ...fields(), status: 'pending' }).success).toBe(true);
    expect(mandarinCallbackSchema.safeParse({ ...fields(), object_type: 'refund' }).success).toBe(false);
  });
});
