import { describe, expect, it } from 'vitest';
import {
  espGenerateRequestSchema,
  espStatusResponseSchema,
  espWebhookSchema,
  otpVerifyRequestSchema,
  walletBalanceResponseSchema,
} from './esp.js';
import { espStatusValueSchema } from './espStatus.js';
import { seedFixtures } from './fixtures/seedFixtures.js';

const generate = () => JSON.parse(JSON.stringify(seedFixtures['esp-generate-request.json']));

describe('espGenerateRequestSchema (wire)', () => {
  it('checks formats: SNILS as NNN-NNN-NNN NN, phone as 7 and ten digits', () => {
    expect(espGenerateRequestSchema.safeParse({ ...generate(), snils: '14012015035' }).success).toBe(false);
    expect(
      espGenerateRequestSchema.safeParse({
        ...generate(),
        phones: [{ phone: '+79017636353', type: 'Personal' }],
      }).success,
    ).toBe(false);
    expect(espGenerateRequestSchema.safeParse({ ...generate(), inn: '7777777777' }).success).toBe(false);
    expect(espGenerateRequestSchema.safeParse({ ...generate(), birth_date: '1993-02-30' }).success).toBe(
      false,
    );
  });

  it('accepts a document issue date as a date or date-time, but not a bad one', () => {
    const withIssue = (issue_date: string) => ({
      ...generate(),
      document: { ...generate().document, issue_date },
    });
    expect(espGenerateRequestSchema.safeParse(withIssue('2002-04-24')).success).toBe(true);
    expect(espGenerateRequestSchema.safeParse(withIssue('2002-04-31T00:00:00Z')).success).toBe(false);
    expect(espGenerateRequestSchema.safeParse(withIssue('24.04.2002')).success).toBe(false);
  });

  it('rejects unknown fields', () => {
    expect(espGenerateRequestSchema.safeParse({ ...generate(), passport: '1233 123458' }).success).toBe(
      false,
    );
  });
});

describe('ESP responses', () => {
  it('know the five statuses only', () => {
    expect(espStatusValueSchema.options).toEqual(['Processing', 'Success', 'Failed', 'Blocked', 'Suspended']);
    const status = seedFixtures['esp-status-response.json'];
    expect(espStatusResponseSchema.safeParse({ ...status, status: 'Active' }).success).toBe(false);
    expect(
      espWebhookSchema.safeParse({ ...seedFixtures['esp-webhook.json'], status: 'success' }).success,
    ).toBe(false);
  });

  it('require processed_at and finished_at to be present, possibly null', () => {
    const { finished_at: _, ...rest } = seedFixtures['esp-generate-response.json'];
    expect(espStatusResponseSchema.safeParse(rest).success).toBe(false);
  });

  it('take the balance as a safe integer of minor units', () => {
    const ok = { wallet_id: 'w', balance: 1500075, currency: 'RUB' };
    expect(walletBalanceResponseSchema.parse(ok).balance).toBe(1500075);
    expect(walletBalanceResponseSchema.safeParse({ ...ok, balance: 15000.75 }).success).toBe(false);
    expect(walletBalanceResponseSchema.safeParse({ ...ok, balance: '1500075' }).success).toBe(false);
    expect(walletBalanceResponseSchema.safeParse({ ...ok, balance: 2 ** 53 }).success).toBe(false);
  });
});

describe('otpVerifyRequestSchema', () => {
  it('takes 4 to 8 digits', () => {
    for (const ok of ['0153', '12345678'])
      expect(otpVerifyRequestSchema.safeParse({ code: ok }).success).toBe(true);
    for (const bad of ['123', '123456789', '12a4', 153]) {
      expect(otpVerifyRequestSchema.safeParse({ code: bad }).success).toBe(false);
    }
  });
});
