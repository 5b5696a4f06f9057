import { describe, expect, it } from 'vitest';
import {
  CARD_FIELDS,
  CARD_INPUT_KEYS,
  type CardField,
  cardFieldValid,
  validateCardInput,
} from './cardInput.js';

// 15 March 2030, UTC: cards expiring in 03/30 are still good, 02/30 are not.
const NOW = Date.UTC(2030, 2, 15, 12);

const cases: Record<CardField, { valid: string[]; invalid: string[] }> = {
  'card-number': {
    valid: ['4111 1111 1111 1111', '4111-1111-1111-1111', '4000000000000002'],
    invalid: ['', '4111 1111 1111 1112', '4111', '4111 1111 1111 111a'],
  },
  'card-holder': {
    valid: ['Ivan Ivanov', "  d'Artagnan   de  Batz ", 'IVAN IVANOV'],
    invalid: ['', 'I', 'Иван Иванов', '1van'],
  },
  'card-expiration': {
    valid: ['03/30', '0330', '3 / 2030', '12/60'],
    invalid: ['', '02/30', '13/30', '12/61', '1/2'],
  },
  'card-cvv': {
    valid: ['123', ' 1234 '],
    invalid: ['', '12', '12345', 'abc'],
  },
};

describe('cardFieldValid (the hosted-field iframes’ state classes)', () => {
  it.each(CARD_FIELDS)(
    'judges %s by the same rule as validateCardInput, whatever the other fields hold',
    (field) => {
      for (const [value, expected] of [
        ...cases[field].valid.map((v) => [v, true] as const),
        ...cases[field].invalid.map((v) => [v, false] as const),
      ]) {
        expect(cardFieldValid(field, value, NOW), `${field} ${JSON.stringify(value)}`).toBe(expected);
        const whole = validateCardInput({ [CARD_INPUT_KEYS[field]]: value }, NOW);
        expect(!whole.ok && whole.errors[field] !== undefined).toBe(!expected);
      }
    },
  );
});
