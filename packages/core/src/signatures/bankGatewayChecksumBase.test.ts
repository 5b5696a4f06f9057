import { describe, expect, it } from 'vitest';
import { bankGatewayChecksumBase } from './bankGatewayChecksumBase.js';

describe('bankGatewayChecksumBase', () => {
  it('writes every parameter but checksum as name;value; in name order', () => {
    const params = {
      orderNumber: '0987',
      mdOrder: '1234567890-098776-234-522',
      operation: 'deposited',
      status: '0',
      checksum: 'ABCDEF',
    };
    expect(bankGatewayChecksumBase(params)).toBe(
      'mdOrder;1234567890-098776-234-522;operation;deposited;orderNumber;0987;status;0;',
    );
  });

  it('orders by code unit and keeps empty values', () => {
    expect(bankGatewayChecksumBase({ b: '', Z: 'z', a: '1' })).toBe('Z;z;a;1;b;;');
    expect(bankGatewayChecksumBase({ mdorder: 'x', mdOrder: 'y' })).toBe('mdOrder;y;mdorder;x;');
  });

  it('leaves out sign_alias, which names the algorithm and is not signed', () => {
    expect(bankGatewayChecksumBase({ mdOrder: 'y', sign_alias: 'SHA-256 with RSA', checksum: 'X' })).toBe(
      'mdOrder;y;',
    );
  });

  it('gives an empty string for no parameters', () => {
    expect(bankGatewayChecksumBase({ checksum: 'X' })).toBe('');
  });
});
