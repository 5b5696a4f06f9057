import { describe, expect, it } from 'vitest';
import { bankGatewayChecksumBase } from '../../signatures/bankGatewayChecksumBase.js';
import { parseForm } from '../fixtures/parseForm.js';
import { bankGatewayCallbackSchema } from './bankGateway.js';

describe('bankGatewayCallbackSchema', () => {
  it('parses the seed GET examples, keeping extra parameters', () => {
    const withDate = parseForm(
      'https://mybestmerchantreturnurl.com/callback/?mdOrder=1234567890-098776-234-522&orderNumber=0987&operation=deposited&callbackCreationDate=Mon Jan 31 21:46:52 UTC 2022&status=0',
    );
    const parsed = bankGatewayCallbackSchema.parse(withDate);
    expect(parsed).toEqual({
      mdOrder: '1234567890-098776-234-522',
      orderNumber: '0987',
      operation: 'deposited',
      callbackCreationDate: 'Mon Jan 31 21:46:52 UTC 2022',
      status: '0',
    });
    expect(bankGatewayChecksumBase(parsed)).toBe(bankGatewayChecksumBase(withDate));
  });

  it('parses the custom header example params', () => {
    const params = {
      orderNumber: '349002',
      mdOrder: '5ffb1899-cd1e-7c1e-8750-e98500093c43',
      operation: 'deposited',
      status: '1',
    };
    expect(bankGatewayCallbackSchema.parse(params)).toEqual(params);
  });

  it('lets binding operations come without status, but not payment operations', () => {
    const binding = {
      mdOrder: 'm',
      orderNumber: 'o',
      operation: 'bindingCreated',
      bindingId: 'b',
      panMasked: '4111**1111',
    };
    expect(bankGatewayCallbackSchema.safeParse(binding).success).toBe(true);
    expect(bankGatewayCallbackSchema.safeParse({ ...binding, operation: 'refunded' }).success).toBe(false);
  });

  it('rejects unknown operations and statuses', () => {
    const base = { mdOrder: 'm', orderNumber: 'o', operation: 'deposited', status: '1' };
    expect(bankGatewayCallbackSchema.safeParse({ ...base, operation: 'DEPOSITED' }).success).toBe(false);
    expect(bankGatewayCallbackSchema.safeParse({ ...base, status: '2' }).success).toBe(false);
    expect(bankGatewayCallbackSchema.safeParse({ ...base, checksum: 'AB12' }).success).toBe(true);
  });
});
