import { z } from 'zod';
import { isIsoDate } from '../../kyc/isoDate.js';
import { wireAmountSchema } from '../common.js';

const WIDGET_DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** True for the widget's `yyyy-MM-dd HH:mm:ss` (UTC) naming a real instant. */
export function isWidgetDateTime(s: string): boolean {
  const m = WIDGET_DATE_TIME.exec(s);
  return (
    m !== null && isIsoDate(m[1] ?? '') && Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4]) <= 59
  );
}

const dateTime = z.string().refine(isWidgetDateTime, 'Must look like 2024-07-02 12:50:30');
const integer = z.string().regex(/^\d+$/, 'Must be a whole number');
// A form leaves an absent optional field empty rather than out.
const emptyOr = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]).optional();
const optional = z.string().optional();

/** Currencies a widget payment can be in. */
export const widgetCurrencySchema = z.enum(['RUB', 'USD', 'EUR', 'GBP']);

const paymentShape = {
  TransactionId: integer,
  Amount: wireAmountSchema,
  Currency: widgetCurrencySchema,
  InvoiceId: optional,
  AccountId: optional,
  SubscriptionId: optional,
  Name: optional,
  Email: optional,
  DateTime: dateTime,
  IpAddress: optional,
  IpCountry: optional,
  IpCity: optional,
  IpRegion: optional,
  IpDistrict: optional,
  CardFirstSix: z.string().regex(/^\d{6}$/, 'CardFirstSix must be 6 digits'),
  CardLastFour: z.string().regex(/^\d{4}$/, 'CardLastFour must be 4 digits'),
  CardType: z.string().min(1),
  CardExpDate: z.string().regex(/^(0[1-9]|1[0-2])\/\d{2}$/, 'CardExpDate must look like 09/27'),
  IssuerBankCountry: optional,
  Description: optional,
  TestMode: z.enum(['0', '1']),
};

/** Completed for a one-step payment, Authorized for a two-step one. */
export const widgetPaymentStatusSchema = z.enum(['Completed', 'Authorized']);

/** Check notification: the merchant decides whether the payment may go ahead (see widgetCheckCodeSchema). */
export const widgetCheckNotificationSchema = z
  .object({ ...paymentShape, Status: widgetPaymentStatusSchema })
  .catchall(z.string());
/** Widget Check notification. */
export type WidgetCheckNotification = z.infer<typeof widgetCheckNotificationSchema>;

/** Pay notification: the payment went through. */
export const widgetPayNotificationSchema = z
  .object({ ...paymentShape, Status: widgetPaymentStatusSchema })
  .catchall(z.string());
/** Widget Pay notification. */
export type WidgetPayNotification = z.infer<typeof widgetPayNotificationSchema>;

/** Fail notification: the payment was declined (the payer may still succeed later). */
export const widgetFailNotificationSchema = z
  .object({ ...paymentShape, Reason: z.string().min(1), ReasonCode: z.string().regex(/^-?\d+$/) })
  .catchall(z.string());
/** Widget Fail notification. */
export type WidgetFailNotification = z.infer<typeof widgetFailNotificationSchema>;

/** Statuses of a recurring subscription. */
export const widgetSubscriptionStatusSchema = z.enum([
  'Active',
  'PastDue',
  'Cancelled',
  'Rejected',
  'Expired',
]);

/** Recurrent notification: a subscription's status changed. */
export const widgetRecurrentNotificationSchema = z
  .object({
    Id: z.string().min(1),
    AccountId: z.string().min(1),
    Description: z.string(),
    Email: z.string(),
    Amount: wireAmountSchema,
    Currency: widgetCurrencySchema,
    RequireConfirmation: z.enum(['true', 'false', 'True', 'False', '1', '0']),
    StartDate: z.string().min(1),
    Interval: z.enum(['Week', 'Month']),
    Period: integer,
    MaxPeriods: emptyOr(integer),
    Status: widgetSubscriptionStatusSchema,
    SuccessfulTransactionsNumber: integer,
    FailedTransactionsNumber: integer,
    LastTransactionDate: emptyOr(dateTime),
    NextTransactionDate: emptyOr(dateTime),
  })
  .catchall(z.string());
/** Widget Recurrent notification. */
export type WidgetRecurrentNotification = z.infer<typeof widgetRecurrentNotificationSchema>;

/** The merchant's answer to Check: 0 go ahead; 10 wrong order; 11 wrong amount; 13 refused; 20 expired. */
export const widgetCheckCodeSchema = z.literal([0, 10, 11, 13, 20]);
/** Check decision code. */
export type WidgetCheckCode = z.infer<typeof widgetCheckCodeSchema>;

/** JSON reply to any widget notification; Pay, Fail and Recurrent are acknowledged only by code 0. */
export const widgetReplySchema = z.object({ code: widgetCheckCodeSchema });
/** Widget notification reply. */
export type WidgetReply = z.infer<typeof widgetReplySchema>;
