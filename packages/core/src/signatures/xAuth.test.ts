import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatXAuth, parseXAuth, xAuthBase } from './xAuth.js';

const hash = `${'a'.repeat(32)}0123456789abcdef0123456789abcdef`;

describe('X-Auth', () => {
  it('builds the hashed string and the header', () => {
    expect(xAuthBase('4242', 'req-1', 's3cret')).toBe('4242-req-1-s3cret');
    expect(formatXAuth('4242', hash, 'f0e1d2c3')).toBe(`4242-${hash}-f0e1d2c3`);
  });

  it('parses a header back, with dashes in the request id', () => {
    expect(parseXAuth(`4242-${hash}-f0e1d2c3`)).toEqual({ merchantId: '4242', hash, requestId: 'f0e1d2c3' });
    expect(parseXAuth(`4242-${hash}-3f1c-4a0b-9d2e`)).toEqual({
      merchantId: '4242',
      hash,
      requestId: '3f1c-4a0b-9d2e',
    });
  });

  it('lower-cases an upper-case hash', () => {
    expect(parseXAuth(`1-${hash.toUpperCase()}-r`)?.hash).toBe(hash);
  });

  it.each([
    ['empty', ''],
    ['no request id', `4242-${hash}`],
    ['empty request id', `4242-${hash}-`],
    ['empty merchant id', `-${hash}-r`],
    ['short hash', `4242-${hash.slice(1)}-r`],
    ['long hash', `4242-${hash}0-r`],
    ['non-hex hash', `4242-${hash.slice(1)}g-r`],
    ['dash in merchant id', `42-42-${hash}-r`],
    ['spaces', `4242-${hash}-r r`],
  ])('rejects a header with %s', (_, header) => {
    expect(parseXAuth(header)).toBeNull();
  });

  it('round-trips any well-formed parts', () => {
    const merchantId = fc.stringMatching(/^[0-9A-Za-z_]{1,12}$/);
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    const requestId = fc.stringMatching(/^[0-9A-Za-z-]{1,40}$/);
    fc.assert(
      fc.property(merchantId, hex, requestId, (m, h, r) => {
        const parsed = parseXAuth(formatXAuth(m, h, r));
        return parsed?.merchantId === m && parsed.hash === h && parsed.requestId === r;
      }),
    );
  });
});
