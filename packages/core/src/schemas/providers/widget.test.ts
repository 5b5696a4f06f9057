import { describe, expect, it } from 'vitest';
import {
  isWidgetDateTime,
  widgetCheckCodeSchema,
  widgetCheckNotificationSchema,
  widgetFailNotificationSchema,
  widgetPayNotificationSchema,
  widgetRecurrentNotificationSchema,
  widgetReplySchema,
} from './widget.js';

const payment = {
  TransactionId: '504',
  Amount: '100.00',
  Currency: 'RUB',
  InvoiceId: '1234567',
  AccountId: 'user_x',
  SubscriptionId: '',
  Name: 'CARDHOLDER NAME',
  Email: 'user@example.com',
  DateTime: '2024-07-02 12:50:30',
  IpAddress: '46.251.83.16',
  IpCountry: 'RU',
  IpCity: 'Moscow',
  IpRegion: 'Moscow',
  IpDistrict: 'Central',
  CardFirstSix: '411111',
  CardLastFour: '1111',
  CardType: 'Visa',
  CardExpDate: '09/27',
  IssuerBankCountry: 'RU',
  Description: 'Order 1234567',
  TestMode: '1',
};

describe('widget Check and Pay', () => {
  it('parse every field of the seed, and extra ones', () => {
    const check = { ...payment, Status: 'Completed', GatewayName: 'Test' };
    expect(widgetCheckNotificationSchema.parse(check)).toEqual(check);
    expect(widgetPayNotificationSchema.parse({ ...payment, Status: 'Authorized' }).Status).toBe('Authorized');
  });

  it('take only the seed statuses, a wire amount and a 0/1 test mode', () => {
    expect(widgetPayNotificationSchema.safeParse({ ...payment, Status: 'Declined' }).success).toBe(false);
    expect(
      widgetPayNotificationSchema.safeParse({ ...payment, Status: 'Completed', Amount: '100,00' }).success,
    ).toBe(false);
    expect(
      widgetPayNotificationSchema.safeParse({ ...payment, Status: 'Completed', TestMode: 'true' }).success,
    ).toBe(false);
    expect(
      widgetPayNotificationSchema.safeParse({ ...payment, Status: 'Completed', CardExpDate: '13/27' })
        .success,
    ).toBe(false);
  });

  it('require the required fields', () => {
    const { TransactionId: _, ...noId } = payment;
    expect(widgetCheckNotificationSchema.safeParse({ ...noId, Status: 'Completed' }).success).toBe(false);
    const { Email: __, InvoiceId: ___, ...noOptional } = payment;
    expect(widgetCheckNotificationSchema.safeParse({ ...noOptional, Status: 'Completed' }).success).toBe(
      true,
    );
  });
});

describe('widget Fail', () => {
  it('needs a reason and a numeric reason code instead of a status', () => {
    expect(
      widgetFailNotificationSchema.safeParse({ ...payment, Reason: 'InsufficientFunds', ReasonCode: '5051' })
        .success,
    ).toBe(true);
    expect(
      widgetFailNotificationSchema.safeParse({ ...payment, Reason: 'x', ReasonCode: 'abc' }).success,
    ).toBe(false);
    expect(widgetFailNotificationSchema.safeParse(payment).success).toBe(false);
  });
});

describe('widget Recurrent', () => {
  const recurrent = {
    Id: 'sc_8cf8a9338fb8ebf7202b08d09c938',
    AccountId: 'user@example.com',
    Description: 'Monthly subscription',
    Email: 'user@example.com',
    Amount: '1.02',
    Currency: 'RUB',
    RequireConfirmation: 'false',
    StartDate: '2024-07-02 12:50:30',
    Interval: 'Month',
    Period: '1',
    MaxPeriods: '',
    Status: 'Active',
    SuccessfulTransactionsNumber: '2',
    FailedTransactionsNumber: '0',
    LastTransactionDate: '2024-08-02 12:50:31',
    NextTransactionDate: '2024-09-02 12:50:30',
  };

  it('parses the seed fields, empty optional ones included', () => {
    expect(widgetRecurrentNotificationSchema.parse(recurrent)).toEqual(recurrent);
    const { LastTransactionDate: _, NextTransactionDate: __, MaxPeriods: ___, ...minimal } = recurrent;
    expect(widgetRecurrentNotificationSchema.safeParse(minimal).success).toBe(true);
  });

  it('knows the subscription statuses and intervals of the seed', () => {
    for (const status of ['Active', 'PastDue', 'Cancelled', 'Rejected', 'Expired']) {
      expect(widgetRecurrentNotificationSchema.safeParse({ ...recurrent, Status: status }).success).toBe(
        true,
      );
    }
    expect(widgetRecurrentNotificationSchema.safeParse({ ...recurrent, Status: 'Paused' }).success).toBe(
      false,
    );
    expect(widgetRecurrentNotificationSchema.safeParse({ ...recurrent, Interval: 'Year' }).success).toBe(
      false,
    );
    expect(widgetRecurrentNotificationSchema.safeParse({ ...recurrent, Period: 'one' }).success).toBe(false);
  });
});

describe('widget replies', () => {
  it('check codes are 0, 10, 11, 13 and 20', () => {
    for (const code of [0, 10, 11, 13, 20]) expect(widgetCheckCodeSchema.safeParse(code).success).toBe(true);
    for (const code of [1, 12, '0']) expect(widgetCheckCodeSchema.safeParse(code).success).toBe(false);
    expect(widgetReplySchema.parse({ code: 0 })).toEqual({ code: 0 });
  });

  it('dates look like yyyy-MM-dd HH:mm:ss', () => {
    expect(isWidgetDateTime('2024-07-02 12:50:30')).toBe(true);
    expect(isWidgetDateTime('2024-07-02T12:50:30')).toBe(false);
    expect(isWidgetDateTime('2024-02-30 12:50:30')).toBe(false);
    expect(isWidgetDateTime('2024-07-02 24:00:00')).toBe(false);
  });
});
