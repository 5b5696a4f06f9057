import { describe, expect, it } from 'vitest';
import {
  createPaymentBodySchema,
  createPayoutBodySchema,
  createRefundBodySchema,
  otpVerifyBodySchema,
} from './bodies.js';
import { isLuhnValid } from './luhn.js';

const route = {
  accountId: '16f90c5e-6bc3-11eb-9439-0242ac130002',
  amount: { value: '100.00', currency: 'RUB' },
  platformFeeAmount: { value: '1.00', currency: 'RUB' },
};

describe('browser ↔ BFF bodies', () => {
  it('check card numbers with Luhn', () => {
    expect(isLuhnValid('2202202244861047')).toBe(true); // the seed's payout card
    expect(isLuhnValid('2202202244861048')).toBe(false);
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('411111111111')).toBe(false);
  });

  it('normalise a payout to a card number and SBP phone', () => {
    const card = createPayoutBodySchema.parse({
      amount: '100.00',
      destination: { type: 'card_number', cardNumber: '4111 1111 1111 1111' },
    });
    expect(card.destination).toEqual({ type: 'card_number', cardNumber: '4111111111111111' });
    const sbp = createPayoutBodySchema.parse({
      amount: '1',
      destination: { type: 'sbp', phone: '+7 (900) 123-45-67', bankId: '100000000111' },
    });
    // Whether the payer confirms the name is the BFF's sbpMode, not the page's: nothing is defaulted here.
    expect(sbp.destination).toEqual({ type: 'sbp', phone: '79001234567', bankId: '100000000111' });
  });

  it('refuse amounts as numbers, zero amounts and unknown fields', () => {
    const base = { destination: { type: 'bound_card', cardId: route.accountId } };
    expect(createPayoutBodySchema.safeParse({ ...base, amount: 100 }).success).toBe(false);
    expect(createPayoutBodySchema.safeParse({ ...base, amount: '0.00' }).success).toBe(false);
    expect(createPayoutBodySchema.safeParse({ ...base, amount: '1.00', admin: true }).success).toBe(false);
    expect(otpVerifyBodySchema.safeParse({ code: '12a4' }).success).toBe(false);
  });

  it('require routing for a one-step payment but not for a two-step one', () => {
    const customer = { email: 'user@example.com', phone: '+79001234567' };
    const oneStep = createPaymentBodySchema.safeParse({ amount: '100.00', customer });
    expect(oneStep.success).toBe(false);
    expect(oneStep.error?.issues[0]?.path).toEqual(['routing']);
    expect(createPaymentBodySchema.parse({ amount: '100.00', customer, twoStep: true }).twoStep).toBe(true);
    expect(
      createPaymentBodySchema.parse({ amount: '100.00', customer, routing: [route] }).customer.phone,
    ).toBe('79001234567');
  });

  it('default a refund to keeping the platform fee', () => {
    expect(createRefundBodySchema.parse({ amount: '10.00' })).toEqual({ amount: '10.00', refundFee: false });
  });
});

describe('amounts in bodies', () => {
  const card = { type: 'card_number', cardNumber: '4111111111111111' };
  const entry = (value: string, fee = '0.00') => ({
    accountId: '16f90c5e-6bc3-11eb-9439-0242ac130002',
    amount: { value, currency: 'RUB' },
    platformFeeAmount: { value: fee, currency: 'RUB' },
  });

  it('refuse an amount past what 64-bit kopecks hold, naming the field', () => {
    for (const amount of ['92233720368547758.08', '1'.repeat(25)]) {
      const payout = createPayoutBodySchema.safeParse({ amount, destination: card });
      expect(payout.error?.issues.map((i) => i.path.join('.'))).toEqual(['amount']);
      expect(payout.error?.issues[0]?.message).toBe('Amount is too large');
    }
    expect(
      createPayoutBodySchema.safeParse({ amount: '92233720368547758.07', destination: card }).success,
    ).toBe(true);
  });

  it('refuse routing values and fees past it too', () => {
    const refund = createRefundBodySchema.safeParse({
      amount: '1.00',
      routing: [entry('92233720368547758.08', '99999999999999999999999999')],
    });
    expect(refund.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'routing.0.amount.value',
      'routing.0.platformFeeAmount.value',
    ]);
  });
});
