import { describe, expect, it } from 'vitest';
import { businessAccountCreateRequestSchema } from './accounts.js';
import { oauthTokenRequestSchema, oauthTokenResponseSchema } from './oauth.js';
import { sbpBankSchema, sbpRecipientResponseSchema } from './sbp.js';
import { cardBindingResponseSchema, cardBindingStatusResponseSchema } from './transactions/cardBinding.js';
import {
  transactionByOrderIdResponseSchema,
  transactionStatusResponseSchema,
} from './transactions/responses.js';

describe('OAuth', () => {
  it('takes the client_credentials form of the seed', () => {
    const form = {
      grant_type: 'client_credentials',
      client_id: 'YOUR_CLIENT_ID',
      client_secret: 'YOUR_CLIENT_SECRET',
      scope: 'payment-tokens:tokens.write payment-tokens:tokens.read payment-tokens:otp.write',
    };
    expect(oauthTokenRequestSchema.parse(form)).toEqual(form);
    expect(oauthTokenRequestSchema.safeParse({ ...form, grant_type: 'password' }).success).toBe(false);
    expect(oauthTokenRequestSchema.safeParse({ ...form, client_secret: '' }).success).toBe(false);
  });

  it('reads expires_in as whole seconds', () => {
    expect(
      oauthTokenResponseSchema.parse({ access_token: 't', expires_in: 36000, token_type: 'Bearer' }),
    ).toEqual({
      access_token: 't',
      expires_in: 36000,
      token_type: 'Bearer',
    });
    expect(oauthTokenResponseSchema.safeParse({ access_token: 't', expires_in: '36000' }).success).toBe(
      false,
    );
    expect(oauthTokenResponseSchema.safeParse({ access_token: 't', expires_in: 0 }).success).toBe(false);
    expect(oauthTokenResponseSchema.safeParse({ access_token: '', expires_in: 10 }).success).toBe(false);
  });
});

describe('accounts', () => {
  it('accountType may only be business', () => {
    expect(
      businessAccountCreateRequestSchema.safeParse({ token: 't', accountType: 'business' }).success,
    ).toBe(true);
    expect(
      businessAccountCreateRequestSchema.safeParse({ token: 't', accountType: 'personal' }).success,
    ).toBe(false);
    expect(businessAccountCreateRequestSchema.safeParse({ token: '' }).success).toBe(false);
  });
});

describe('SBP', () => {
  it('bankId is 12 digits and bankBic 9', () => {
    expect(
      sbpBankSchema.safeParse({ bankId: '100000000111', bankName: 'Сбербанк', bankBic: '044525225' }).success,
    ).toBe(true);
    expect(
      sbpBankSchema.safeParse({ bankId: '10000000011', bankName: 'x', bankBic: '044525225' }).success,
    ).toBe(false);
    expect(
      sbpBankSchema.safeParse({ bankId: '100000000111', bankName: 'x', bankBic: '44525225' }).success,
    ).toBe(false);
  });

  it('recipient answer has a nullable full name and a known status', () => {
    expect(
      sbpRecipientResponseSchema.safeParse({ id: 'p1', status: 'pending', fullName: null }).success,
    ).toBe(true);
    expect(
      sbpRecipientResponseSchema.parse({ id: 'p1', status: 'confirmed', fullName: 'Ivan Ivanovich Ivanov' })
        .fullName,
    ).toBe('Ivan Ivanovich Ivanov');
    expect(sbpRecipientResponseSchema.safeParse({ id: 'p1', status: 'done', fullName: null }).success).toBe(
      false,
    );
    expect(sbpRecipientResponseSchema.safeParse({ id: 'p1', status: 'pending' }).success).toBe(false);
  });
});

describe('card binding response', () => {
  it('needs the payment page link and the hosted fields operation', () => {
    const ok = {
      id: 'b1',
      userWebLink: 'https://secure.mandarinpay.com/Pay?transaction=0eb51e74-e704-4c36-b5cb-8f0227621518',
      jsOperationId: '9874694yr87y73e7ey39ed80',
    };
    expect(cardBindingResponseSchema.parse(ok)).toEqual(ok);
    expect(cardBindingResponseSchema.safeParse({ id: 'b1' }).success).toBe(false);
  });
});

describe('status lookups', () => {
  it('reads a transaction found by orderId, with the failure reason, and needs its orderId', () => {
    const failed = {
      id: 'a'.repeat(32),
      orderId: 'o-1',
      status: 'failed',
      error: 'Insufficient funds',
      stage: 'failed',
    };
    expect(transactionByOrderIdResponseSchema.parse(failed)).toEqual(failed);
    expect(
      transactionStatusResponseSchema.parse({ id: 'x', status: 'success', error: null }).error,
    ).toBeNull();
    expect(transactionByOrderIdResponseSchema.safeParse({ id: 'x', status: 'pending' }).success).toBe(false);
    expect(transactionStatusResponseSchema.safeParse({ id: 'x', status: 'done' }).success).toBe(false);
    expect(transactionStatusResponseSchema.safeParse({ id: 'x', status: 'failed', error: 3 }).success).toBe(
      false,
    );
  });

  it('reads a card binding with or without its card', () => {
    const bound = {
      id: '63eed817-c56e-4aac-ad38-15113ed13722',
      status: 'success',
      card_number: '411111******1111',
      card_holder: 'CARD HOLDER',
      card_expiration_month: '07',
      card_expiration_year: '2030',
    };
    expect(cardBindingStatusResponseSchema.parse(bound)).toEqual(bound);
    expect(cardBindingStatusResponseSchema.parse({ id: 'b1', status: 'pending' })).toEqual({
      id: 'b1',
      status: 'pending',
    });
    expect(cardBindingStatusResponseSchema.safeParse({ id: 'b1', status: 'bound' }).success).toBe(false);
    expect(cardBindingStatusResponseSchema.safeParse({ status: 'failed' }).success).toBe(false);
  });
});
