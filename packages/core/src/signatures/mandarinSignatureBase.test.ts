import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mandarinSignatureBase } from './mandarinSignatureBase.js';

describe('mandarinSignatureBase', () => {
  it('matches the SPEC vector', () => {
    const fields = { customer_email: 'user@example.com', merchantId: '1', orderId: '123', price: '123.00' };
    expect(mandarinSignatureBase(fields, '123')).toBe('user@example.com-1-123-123.00-123');
  });

  it('leaves sign out and does not depend on the order fields arrived in', () => {
    const fields = {
      price: '123.00',
      sign: 'abc',
      orderId: '123',
      merchantId: '1',
      customer_email: 'user@example.com',
    };
    expect(mandarinSignatureBase(fields, '123')).toBe('user@example.com-1-123-123.00-123');
  });

  it('sorts by code unit, so upper case comes before lower case', () => {
    // localeCompare would give a, B, c; ordinal order is B, Z, a, c.
    const fields = { a: '1', c: '3', B: '2', Z: '4' };
    expect(mandarinSignatureBase(fields, 's')).toBe('2-4-1-3-s');
    expect(mandarinSignatureBase({ cs2: 'x', cb_processed_at: 'y', customer_fullName: 'z' }, 's')).toBe(
      'y-x-z-s',
    );
    expect(mandarinSignatureBase({ customer_fullName: 'F', customer_email: 'E' }, 's')).toBe('E-F-s');
  });

  it('keeps empty values, unknown keys and surrounding spaces', () => {
    // cs2 is empty, so the string starts with the separator.
    const fields = { merchantId: '1', cs2: '', 'meta_key ': ' spaced ', orderId: '7' };
    expect(mandarinSignatureBase(fields, 'k')).toBe('-1- spaced -7-k');
  });

  it('keeps a field named __proto__ like any other', () => {
    const fields = Object.fromEntries([
      ['__proto__', 'p'],
      ['a', 'x'],
    ]) as Record<string, string>;
    expect(mandarinSignatureBase(fields, 's')).toBe('p-x-s');
  });

  it('changes when any value changes', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => k !== 'sign'),
          fc.string(),
          { minKeys: 1 },
        ),
        fc.string(),
        (fields, secret) => {
          const [key] = Object.keys(fields);
          const changed = { ...fields, [key as string]: `${fields[key as string]}!` };
          return mandarinSignatureBase(changed, secret) !== mandarinSignatureBase(fields, secret);
        },
      ),
    );
  });
});
