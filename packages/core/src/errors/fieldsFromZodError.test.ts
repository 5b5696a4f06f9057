import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldsFromZodError } from './fieldsFromZodError.js';

const schema = z.strictObject({
  document: z.strictObject({ serial: z.string().regex(/^\d{4}$/, 'Series must be 4 digits') }),
  phones: z.array(z.strictObject({ phone: z.string().min(11, 'Too short').regex(/^\d+$/, 'Digits only') })),
});

function fieldsOf(input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return fieldsFromZodError(result.error);
}

describe('fieldsFromZodError', () => {
  it('keys messages by dotted path, array indexes included', () => {
    expect(
      fieldsOf({ document: { serial: '12' }, phones: [{ phone: '79017636353' }, { phone: '12x' }] }),
    ).toEqual({
      'document.serial': ['Series must be 4 digits'],
      'phones.1.phone': ['Too short', 'Digits only'],
    });
  });

  it('reports each unknown key at its own path', () => {
    expect(fieldsOf({ document: { serial: '1234', extra: 1 }, phones: [], rogue: true })).toEqual({
      'document.extra': ['Unknown field'],
      rogue: ['Unknown field'],
    });
  });

  it('puts problems with the whole value under the empty path and removes duplicates', () => {
    const whole = z
      .string()
      .refine(() => false, 'Bad')
      .refine(() => false, 'Bad');
    const result = whole.safeParse('x');
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldsFromZodError(result.error)).toEqual({ '': ['Bad'] });
  });

  it('keeps a field named __proto__ as an own key', () => {
    const result = z.strictObject({}).safeParse(JSON.parse('{"__proto__": 1}'));
    expect(result.success).toBe(false);
    if (!result.success) {
      const fields = fieldsFromZodError(result.error);
      expect(Object.hasOwn(fields, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    }
  });
});
