import { describe, expect, it } from 'vitest';
import { seedFixtures } from '../fixtures/seedFixtures.js';
import { isOrderActualTill } from './orderActualTill.js';
import {
  recurringPaymentRequestSchema,
  reversalRequestSchema,
  routedPaymentRequestSchema,
} from './payments.js';
import { classifyTransactionRequest, transactionRequestSchema } from './transactionRequest.js';
import { captureRequestSchema, releaseRequestSchema, twoStepAuthRequestSchema } from './twoStep.js';
import {
  depositRequestSchema,
  sbpPayoutRequestSchema,
  transitPayoutRequestSchema,
} from './walletOperations.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const routed = () => clone(seedFixtures['routed-payment-request.json']);
const reversal = () => clone(seedFixtures['reversal-request.json']);
const deposit = () => clone(seedFixtures['deposit-request.json']);

const rub = (value: string) => ({ value, currency: 'RUB' as const });
const split = {
  destination: [{ accountId: 'acc-1', amount: rub('100.00'), platformFeeAmount: rub('5.00') }],
};

describe('transaction request schemas tolerate', () => {
  it('extra fields real clients send, and keep them', () => {
    const body = {
      ...deposit(),
      payment: { ...deposit().payment, description: 'Order 42', currency: 'RUB' },
      customerInfo: { email: 'user@example.com', fullName: 'Ivan Ivanov' },
      senderInfo: { fullName: 'Shop LLC', inn: '7707083893' },
      language: 'ru',
    };
    const parsed = depositRequestSchema.parse(body);
    expect(parsed).toEqual(body);
    expect(classifyTransactionRequest(body)?.kind).toBe('deposit');
  });
});

describe('transaction request schemas reject', () => {
  it('a missing field', () => {
    const { orderId: _, ...payment } = routed().payment;
    expect(routedPaymentRequestSchema.safeParse({ ...routed(), payment }).success).toBe(false);
    const { target: __, ...withoutTarget } = reversal();
    expect(reversalRequestSchema.safeParse(withoutTarget).success).toBe(false);
    expect(transactionRequestSchema.safeParse(withoutTarget).success).toBe(false);
  });

  it('an amount with a comma, wherever it is', () => {
    const top = routed();
    top.payment.amount.value = '1,00';
    expect(routedPaymentRequestSchema.safeParse(top).success).toBe(false);
    const entry = routed();
    (entry.routing.destination[0] as { amount: { value: string } }).amount.value = '1,00';
    expect(routedPaymentRequestSchema.safeParse(entry).success).toBe(false);
    const price = deposit();
    price.payment.price = '1,00';
    expect(depositRequestSchema.safeParse(price).success).toBe(false);
  });

  it('a zero price or amount, while a zero fee is fine', () => {
    const zero = deposit();
    zero.payment.price = '0.00';
    expect(depositRequestSchema.safeParse(zero).success).toBe(false);
    const freeFee = routed();
    (freeFee.routing.destination[0] as { platformFeeAmount: { value: string } }).platformFeeAmount.value =
      '0';
    expect(routedPaymentRequestSchema.safeParse(freeFee).success).toBe(true);
  });

  it('an unknown action', () => {
    const refund = reversal();
    refund.payment.action = 'refund';
    expect(reversalRequestSchema.safeParse(refund).success).toBe(false);
    expect(classifyTransactionRequest(refund)).toBeNull();
  });

  it('more than 8 customValues, but not 8', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    expect(depositRequestSchema.safeParse({ ...deposit(), customValues: values(8) }).success).toBe(true);
    const nine = depositRequestSchema.safeParse({ ...deposit(), customValues: values(9) });
    expect(nine.success).toBe(false);
    expect(nine.error?.issues[0]?.message).toBe('At most 8 customValues are allowed');
  });

  it('a reference key the operation does not have, so that one operation is never taken for another', () => {
    const withTarget = { ...routed(), target: { transaction: 'x' } };
    expect(routedPaymentRequestSchema.safeParse(withTarget).success).toBe(false);
    expect(classifyTransactionRequest(withTarget)).toBeNull();
    const transit = clone(seedFixtures['transit-payout-request.json']);
    expect(transitPayoutRequestSchema.safeParse(transit).success).toBe(true);
    // Without its transit the same body is a payout to a bound card, not a transit payout.
    const { transit: _, ...direct } = transit;
    expect(classifyTransactionRequest(direct)?.kind).toBe('boundCardPayout');
    expect(classifyTransactionRequest(transit)?.kind).toBe('transitPayout');
  });

  it('wrong types, even in the fields clients add', () => {
    const typed = deposit() as Record<string, unknown>;
    typed.payment = { ...deposit().payment, orderId: 42 };
    expect(depositRequestSchema.safeParse(typed).success).toBe(false);
    expect(depositRequestSchema.safeParse({ ...deposit(), senderInfo: 'me' }).success).toBe(false);
    expect(
      depositRequestSchema.safeParse({ ...deposit(), customerInfo: { email: 'a@b.c', fullName: 7 } }).success,
    ).toBe(false);
    expect(
      depositRequestSchema.safeParse({ ...deposit(), target: { paymentToken: 'x', card: 'y' } }).success,
    ).toBe(false);
  });

  it('a customerInfo with neither email nor phone, and non-string metadata', () => {
    expect(depositRequestSchema.safeParse({ ...deposit(), customerInfo: {} }).success).toBe(false);
    expect(depositRequestSchema.safeParse({ ...deposit(), metadata: { a: 1 } }).success).toBe(false);
  });

  it('an SBP payout whose bank ids have the wrong length', () => {
    const body = clone(seedFixtures['sbp-payout-request.json']);
    body.destination.sbp.bankBic = '04452559';
    expect(sbpPayoutRequestSchema.safeParse(body).success).toBe(false);
  });

  it('a routing with no account', () => {
    expect(routedPaymentRequestSchema.safeParse({ ...routed(), routing: { destination: [] } }).success).toBe(
      false,
    );
  });
});

describe('two-step and recurring payments', () => {
  const auth = {
    payment: { action: 'preauth', orderId: 'o-1', amount: rub('100.00') },
    customerInfo: { email: 'user@example.com' },
  };
  const capture = {
    payment: { action: 'pay', orderId: 'o-1-pay', amount: rub('100.00') },
    target: { preauth: '43913ddc000c4d3990fddbd3980c1725' },
    routing: split,
  };
  const recurring = {
    payment: { action: 'pay', orderId: 'o-2', amount: rub('100.00') },
    target: { card: '63eed817-c56e-4aac-ad38-15113ed13722' },
    routing: split,
  };

  it('parse and are told apart', () => {
    expect(twoStepAuthRequestSchema.safeParse(auth).success).toBe(true);
    expect(captureRequestSchema.safeParse(capture).success).toBe(true);
    expect(recurringPaymentRequestSchema.safeParse(recurring).success).toBe(true);
    expect(classifyTransactionRequest(auth)?.kind).toBe('twoStepAuth');
    expect(classifyTransactionRequest(capture)?.kind).toBe('capture');
    expect(classifyTransactionRequest(recurring)?.kind).toBe('recurringPayment');
  });

  it('keep routing off the authorisation and the release, and allow it on the capture', () => {
    expect(twoStepAuthRequestSchema.safeParse({ ...auth, routing: split }).success).toBe(false);
    const { routing: _, ...captureWithoutRouting } = capture;
    expect(captureRequestSchema.safeParse(captureWithoutRouting).success).toBe(true);
    const release = { payment: { action: 'reversal', orderId: 'o-3' }, target: { preauth: 'x' } };
    expect(classifyTransactionRequest(release)?.kind).toBe('release');
    expect(
      releaseRequestSchema.safeParse({ ...release, routing: { source: split.destination } }).success,
    ).toBe(false);
  });

  it('no longer take pay with target.transaction for a capture', () => {
    const old = { ...capture, target: { transaction: capture.target.preauth } };
    expect(classifyTransactionRequest(old)).toBeNull();
  });

  it('need exactly one of price and amount', () => {
    const both = { ...auth, payment: { ...auth.payment, price: '100.00' } };
    expect(twoStepAuthRequestSchema.safeParse(both).success).toBe(false);
    const { amount: _, ...neither } = auth.payment;
    expect(twoStepAuthRequestSchema.safeParse({ ...auth, payment: neither }).success).toBe(false);
    const classic = { ...auth, payment: { ...neither, price: '10' } };
    expect(classifyTransactionRequest(classic)?.kind).toBe('twoStepAuth');
  });
});

describe('orderActualTill', () => {
  it('accepts Mandarin format with any offset', () => {
    for (const ok of [
      '2020-02-20 12:34:56+00:00',
      '2024-02-29 23:59:59+03:00',
      '2020-01-01 00:00:00-05:30',
    ]) {
      expect(isOrderActualTill(ok), ok).toBe(true);
    }
  });

  it('rejects ISO T separators, missing offsets and impossible times', () => {
    for (const bad of [
      '2020-02-20T12:34:56+00:00',
      '2020-02-20 12:34:56',
      '2020-02-20 12:34:56Z',
      '2020-02-20 12:34:56+0000',
      '2023-02-29 12:00:00+00:00',
      '2020-02-20 24:00:00+00:00',
      '2020-02-20 12:60:00+00:00',
      '2020-02-20 12:00:60+00:00',
      '2020-02-20 12:00:00+15:00',
    ]) {
      expect(isOrderActualTill(bad), bad).toBe(false);
    }
  });
});

describe('urls', () => {
  it('takes http(s) URLs only', () => {
    const body = deposit();
    expect(
      depositRequestSchema.safeParse({ ...body, urls: { callback: 'https://shop.example/cb' } }).success,
    ).toBe(true);
    expect(depositRequestSchema.safeParse({ ...body, urls: { return: 'javascript:alert(1)' } }).success).toBe(
      false,
    );
    expect(depositRequestSchema.safeParse({ ...body, urls: { callback: 'not a url' } }).success).toBe(false);
  });
});
