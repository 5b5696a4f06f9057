import { describe, expect, it } from 'vitest';
import {
  cardBindingRequestSchema,
  oneSideCardBindingRequestSchema,
  oneSideCardBindingResponseSchema,
} from './cardBinding.js';
import { transactionResponseSchema } from './responses.js';
import { classifyTransactionRequest, type TransactionRequestKind } from './transactionRequest.js';

// The canonical requests of Mandarin's payments reference ("REST API payments", SPEC.md), verbatim.
const customerInfo = { email: 'user@example.com', phone: '+79001234567' };
const customValues = [
  { name: 'custom field 0', value: '123321' },
  { name: 'custom field 1', value: '123321' },
];
const canonical: Array<[string, unknown, TransactionRequestKind]> = [
  [
    'pay with an unbound card',
    { payment: { orderId: '123321', action: 'pay', price: '10' }, customerInfo, customValues },
    'cardPayment',
  ],
  [
    'payout with an unbound card',
    { payment: { orderId: '123321', action: 'payout', price: '10' }, customerInfo, customValues },
    'cardPayout',
  ],
  [
    'pay with a bound card',
    {
      payment: { orderId: '123321', action: 'pay', price: '10' },
      target: { card: '0eb51e74-e704-4c36-b5cb-8f0227621518' },
    },
    'recurringPayment',
  ],
  [
    'payout to a bound card',
    {
      payment: { orderId: '123321', action: 'payout', price: '10' },
      target: { card: '0eb51e74-e704-4c36-b5cb-8f0227621518' },
    },
    'boundCardPayout',
  ],
  [
    'preauth',
    { payment: { orderId: '123321', action: 'preauth', price: '10' }, customerInfo, customValues },
    'twoStepAuth',
  ],
  [
    'capture (confirmauth)',
    {
      payment: { orderId: '123321', action: 'pay', price: '10' },
      target: { preauth: '43913ddc000c4d3990fddbd3980c1725' },
    },
    'capture',
  ],
  [
    'release of a hold',
    {
      payment: { orderId: '123321', action: 'reversal' },
      target: { preauth: '43913ddc000c4d3990fddbd3980c1725' },
    },
    'release',
  ],
  [
    'refund',
    {
      payment: { orderId: '123321', action: 'reversal' },
      target: { transaction: '43913ddc000c4d3990fddbd3980c1725' },
    },
    'reversal',
  ],
  [
    'rebill',
    {
      payment: { orderId: '123321', action: 'pay', price: '10' },
      target: { rebill: '43913ddc000c4d3990fddbd3980c1725' },
    },
    'rebill',
  ],
  [
    'payout to a known card number',
    {
      payment: { orderId: '123321', action: 'payout', price: '10' },
      customerInfo,
      target: { knownCardNumber: '4012888888881881' },
    },
    'cardNumberPayout',
  ],
  [
    'payout to a bound card as a public Node client sends it',
    {
      payment: { orderId: '123321', action: 'payout', price: '10' },
      target: { card: '0eb51e74-e704-4c36-b5cb-8f0227621518' },
      customerInfo: { fullName: 'Ivan Ivanov', email: 'user@example.com', phone: '+79001234567' },
      senderInfo: { fullName: 'Shop LLC' },
    },
    'boundCardPayout',
  ],
];

describe("the payments reference's canonical requests", () => {
  it.each(canonical)('%s is one operation', (_, body, kind) => {
    expect(classifyTransactionRequest(body)?.kind).toBe(kind);
  });

  it('have the answers the reference documents', () => {
    const withLink = {
      id: '43913ddc000c4d3990fddbd3980c1725',
      userWebLink: 'https://secure.mandarinpay.com/Pay?transaction=0eb51e74-e704-4c36-b5cb-8f0227621518',
    };
    expect(transactionResponseSchema.parse(withLink)).toEqual(withLink);
    expect(transactionResponseSchema.parse({ id: withLink.id })).toEqual({ id: withLink.id });
  });

  it('binds a card on the hosted page, or one-side by its number', () => {
    expect(cardBindingRequestSchema.safeParse({ customerInfo }).success).toBe(true);
    const oneSide = { customerInfo, target: { knownCardNumber: '4012888888881881' } };
    expect(cardBindingRequestSchema.safeParse(oneSide).success).toBe(false);
    expect(oneSideCardBindingRequestSchema.parse(oneSide)).toEqual(oneSide);
    expect(oneSideCardBindingRequestSchema.safeParse({ customerInfo }).success).toBe(false);
    expect(
      oneSideCardBindingRequestSchema.safeParse({ customerInfo, target: { knownCardNumber: '4012 8888' } })
        .success,
    ).toBe(false);
    expect(oneSideCardBindingResponseSchema.parse({ id: '0eb51e74-e704-4c36-b5cb-8f0227621518' })).toEqual({
      id: '0eb51e74-e704-4c36-b5cb-8f0227621518',
    });
  });

  it('are still refused when malformed', () => {
    const bad: unknown[] = [
      { payment: { orderId: '123321', action: 'pay', price: '10,00' }, customerInfo },
      { payment: { orderId: '123321', action: 'pay', price: 10 }, customerInfo },
      { payment: { action: 'pay', price: '10' }, customerInfo },
      { payment: { orderId: '123321', action: 'pay', price: '10' }, target: { rebill: 42 } },
      { payment: { orderId: '123321', action: 'pay', price: '0' }, target: { preauth: 'x' } },
      { payment: { orderId: '123321', action: 'payout', price: '10' }, target: { knownCardNumber: '4012' } },
      { payment: { orderId: '123321', action: 'pay', price: '10' }, customerInfo: {} },
    ];
    for (const body of bad) expect(classifyTransactionRequest(body), JSON.stringify(body)).toBeNull();
  });
});
