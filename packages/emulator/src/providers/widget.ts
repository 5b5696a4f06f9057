import { createHmac, randomInt } from 'node:crypto';
import type { DeliveryPlan } from '../callbacks/Delivery.js';
import type { OutgoingResponse } from '../http/sendRequest.js';
import type { ProviderPlanDeps } from './ProviderSecrets.js';
import type { ProviderSendRequest } from './ProviderSendRequest.js';

/** The only address widget notifications come from (seed). */
export const WIDGET_SOURCE_IP = '130.193.70.192';
/** Decision codes a Check may be answered with. */
const CHECK_CODES = new Set([0, 10, 11, 13, 20]);

/** `Content-HMAC`: base64 HMAC-SHA256 of the raw body with the API secret. */
export function widgetContentHmac(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

/** `yyyy-MM-dd HH:mm:ss` in UTC, the widget's date format. */
function widgetDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function defaults(type: NonNullable<ProviderSendRequest['type']>, now: number): Record<string, string> {
  const payment = {
    TransactionId: String(randomInt(1_000_000, 999_999_999)),
    Amount: '100.00',
    Currency: 'RUB',
    InvoiceId: String(randomInt(1000, 999_999)),
    AccountId: 'user-1',
    Email: 'user@example.com',
    DateTime: widgetDate(now),
    CardFirstSix: '411111',
    CardLastFour: '1111',
    CardType: 'Visa',
    CardExpDate: '12/30',
    TestMode: '1',
  };
  switch (type) {
    case 'check':
    case 'pay':
      return { ...payment, Status: 'Completed' };
    case 'fail':
      return { ...payment, Reason: 'InsufficientFunds', ReasonCode: '5051' };
    case 'recurrent':
      return {
        Id: `sc_${randomInt(100_000, 999_999)}`,
        AccountId: 'user-1',
        Description: 'Monthly subscription',
        Email: 'user@example.com',
        Amount: '100.00',
        Currency: 'RUB',
        RequireConfirmation: 'false',
        StartDate: widgetDate(now),
        Interval: 'Month',
        Period: '1',
        Status: 'Active',
        SuccessfulTransactionsNumber: '0',
        FailedTransactionsNumber: '0',
      };
  }
}

/** The `code` of a JSON reply, or null when the reply is not `{"code": <number>}`. */
function replyCode(response: OutgoingResponse | null): number | null {
  if (!response || response.status < 200 || response.status >= 300) return null;
  try {
    const code = (JSON.parse(response.body) as { code?: unknown }).code;
    return typeof code === 'number' ? code : null;
  } catch {
    return null;
  }
}

/**
 * Widget notification (check, pay, fail, recurrent): form POST with `Content-HMAC`, "from" 130.193.70.192.
 * The emulator sends from loopback, so the address travels in `X-Forwarded-For`; the receiver must be
 * configured to trust that header (demo and tests only). Pay/Fail/Recurrent retry every 3 min until code 0;
 * Check is asked once and its decision code recorded.
 */
export function widgetPlan(emulator: ProviderPlanDeps, send: ProviderSendRequest): DeliveryPlan {
  const type = send.type ?? 'pay';
  const fields = { ...defaults(type, emulator.clock.now()), ...send.payload };
  const body = new URLSearchParams(fields).toString();
  const secret = send.badSignature ? 'not-the-secret' : emulator.options.providers.widgetSecret;
  const maxAttempts = type === 'check' ? 1 : (send.maxAttempts ?? 10);
  return {
    channel: 'widget',
    url: send.url,
    subject: fields.TransactionId ?? fields.Id,
    build: () => ({
      method: 'POST',
      url: send.url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-hmac': widgetContentHmac(body, secret),
        'x-forwarded-for': WIDGET_SOURCE_IP,
        'x-widget-notification': type,
      },
      body,
    }),
    outcome: (response, delivery) => {
      const code = replyCode(response);
      if (type === 'check') {
        delivery.decisionCode = code !== null && CHECK_CODES.has(code) ? code : null;
        return delivery.decisionCode === null ? 'stop' : 'ack';
      }
      return code === 0 ? 'ack' : 'retry';
    },
    retryDelaySeconds: (failed) => (failed < maxAttempts ? (send.intervalSeconds ?? 180) : null),
  };
}
