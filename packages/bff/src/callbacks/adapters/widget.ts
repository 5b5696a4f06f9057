import {
  safeEqual,
  widgetCheckNotificationSchema,
  widgetFailNotificationSchema,
  widgetPayNotificationSchema,
  widgetRecurrentNotificationSchema,
} from '@mandarin-kit/core';
import { type CallbackAdapter, CallbackRefused, jsonAck } from '../types.js';
import { hmac, parseForm, requireSource } from '../verify.js';

/** Widget notification options. */
export interface WidgetOptions {
  /** The API secret that keys `Content-HMAC`. */
  apiSecret: string;
  /** Sources allowed to notify; the provider sends from 130.193.70.192 only. */
  allowedIps: readonly string[];
}

const schemas = {
  check: widgetCheckNotificationSchema,
  pay: widgetPayNotificationSchema,
  fail: widgetFailNotificationSchema,
  recurrent: widgetRecurrentNotificationSchema,
} as const;

/**
 * Widget notifications (seed callbacks-check-pay-fail-recurrent): a form POST per type from the provider's one
 * address, `Content-HMAC` = base64 HMAC-SHA256 of the raw body with the API secret; the reply is JSON
 * `{"code":0}`, except for `check`, whose code is the merchant's decision.
 */
export function widgetAdapter(options: WidgetOptions): CallbackAdapter {
  return {
    provider: 'widget',
    accept(request) {
      requireSource(request.sourceIp, options.allowedIps);
      const type = request.params.type as keyof typeof schemas;
      if (!Object.hasOwn(schemas, type)) throw new CallbackRefused(400, 'Unknown notification type');
      const given = request.headers['content-hmac'];
      const expected = hmac('sha256', options.apiSecret, request.rawBody, 'base64');
      if (given === undefined || !safeEqual(given, expected))
        throw new CallbackRefused(401, 'Bad Content-HMAC');
      const parsed = schemas[type].safeParse(parseForm(request.rawBody.toString('utf8')));
      if (!parsed.success) throw new CallbackRefused(400, `Malformed ${type} notification`);
      const n = parsed.data as Record<string, string>;
      const reference = type === 'recurrent' ? n.Id! : n.TransactionId!;
      const status = type === 'recurrent' ? n.Status! : type === 'fail' ? 'Declined' : n.Status!;
      return {
        dedupeKey: type === 'recurrent' ? `recurrent:${n.Id}:${n.Status}` : `${type}:${n.TransactionId}`,
        payload: { type, ...n },
        ack: jsonAck({ code: 0 }),
        callback: {
          kind: 'provider',
          provider: 'widget',
          type,
          reference,
          status,
          orderReference: n.InvoiceId || null,
          details: {
            type,
            amount: n.Amount ?? '',
            currency: n.Currency ?? '',
            ...(n.Reason ? { reason: n.Reason } : {}),
          },
        },
        ...(type === 'check'
          ? {
              check: {
                invoiceId: n.InvoiceId || null,
                amount: n.Amount!,
                currency: n.Currency!,
                accountId: n.AccountId || null,
              },
            }
          : {}),
      };
    },
  };
}
