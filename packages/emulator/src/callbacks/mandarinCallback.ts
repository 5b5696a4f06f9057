import { formatAmount } from '@mandarin-kit/core';
import type { EmulatorContext } from '../EmulatorContext.js';
import type { TransactionRecord } from '../transactions/TransactionRecord.js';
import type { Delivery } from './Delivery.js';
import { scheduleDelays } from './retrySchedule.js';
import { signMandarinFields } from './signMandarin.js';

interface CustomerInfo {
  email?: string;
  phone?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
}

/** `2202202244861047` → `220220XXXXXX1047`, the way card numbers appear in callbacks. */
export function maskCardNumber(pan: string): string {
  return pan.length < 10 ? pan : `${pan.slice(0, 6)}${'X'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}

/** The test card the hosted page "charges" when Pay is pressed without a card (a script's form post). */
export const HOSTED_PAGE_CARD = '4111111111111111';

/** The card a transaction charged or paid out to: the payer's (set when decided), a bound one, or a known number. */
function cardNumberOf(tx: TransactionRecord): string | undefined {
  if (tx.payerCard) return tx.payerCard;
  const { destination, target } = tx.request as {
    destination?: { knownCardNumber?: string };
    target?: { knownCardNumber?: string };
  };
  const known = destination?.knownCardNumber ?? target?.knownCardNumber;
  return known === undefined ? undefined : maskCardNumber(known);
}

/**
 * The form fields of a transaction callback (SPEC.md): standard fields, `error` (the reason) when it failed,
 * `cs2`…`cs9` from customValues, metadata keys as they are, and `sign` over all of them. Standard fields win over a metadata key of the
 * same name, so metadata can't forge `status`.
 */
export function transactionCallbackFields(
  emulator: EmulatorContext,
  tx: TransactionRecord,
): Record<string, string> {
  const customer = (tx.request.customerInfo ?? {}) as CustomerInfo;
  const payment = tx.request.payment as { orderActualTill?: string };
  const fields: Record<string, string> = { ...((tx.request.metadata ?? {}) as Record<string, string>) };
  const customValues = (tx.request.customValues ?? []) as Array<{ value: string }>;
  customValues.slice(0, 8).forEach((entry, i) => {
    fields[`cs${i + 2}`] = entry.value;
  });
  const fullName = [customer.firstName, customer.middleName, customer.lastName].filter(Boolean).join(' ');
  const card = cardNumberOf(tx);
  const standard: Record<string, string | undefined> = {
    merchantId: emulator.options.merchantId,
    orderId: tx.orderId,
    email: customer.email,
    orderActualTill: payment.orderActualTill,
    price: formatAmount(tx.amount),
    action: tx.action,
    customer_fullName: fullName || undefined,
    customer_phone: customer.phone,
    customer_email: customer.email,
    transaction: tx.id,
    object_type: 'transaction',
    status: tx.status === 'success' ? 'success' : 'failed',
    payment_system: 'mandarinpayv1',
    sandbox: 'true',
    cb_processed_at: emulator.clock.iso(),
    card_number: card,
    // Assumption (README): a failed transaction says why, signed like every other field.
    error: tx.status === 'failed' ? (tx.failureReason ?? undefined) : undefined,
  };
  for (const [key, value] of Object.entries(standard)) {
    if (value !== undefined) fields[key] = value;
  }
  return withSign(fields, emulator.options.secret);
}

/** The fields with `sign` (over all the others) added last. */
export function withSign(fields: Record<string, string>, secret: string): Record<string, string> {
  const { sign: _ignored, ...unsigned } = fields;
  return { ...unsigned, sign: signMandarinFields(unsigned, secret) };
}

/** A Mandarin object that gets callbacks: a transaction or a card binding. */
export interface CallbackSubject {
  id: string;
  /** Its own `urls.callback`; the emulator's `callbackUrl` serves otherwise. */
  callbackUrl: string | undefined;
  /** The fields of its first callback, kept so that a re-send repeats them exactly. */
  callbackFields: Record<string, string> | null;
}

/**
 * Delivers `subject`'s signed Mandarin callback (form-urlencoded POST) to its `urls.callback` or the default
 * URL, retrying until the receiver answers 200 with the body `OK`. `fields` is called the first time only, so
 * a re-send (`notifications/bulk`) repeats the fields exactly, signature included. Shared by every Mandarin
 * object type (transactions and card bindings).
 */
export function deliverMandarinCallback(
  emulator: EmulatorContext,
  subject: CallbackSubject,
  fields: () => Record<string, string>,
): Delivery {
  subject.callbackFields ??= fields();
  const url = subject.callbackUrl ?? emulator.options.callbackUrl;
  const body = new URLSearchParams(subject.callbackFields).toString();
  return emulator.deliveries.enqueue({
    channel: 'mandarin',
    url,
    subject: subject.id,
    build: () => ({
      method: 'POST',
      url: url!,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'mandarin-kit-emulator' },
      body,
    }),
    outcome: (response) => (response?.status === 200 && response.body.trim() === 'OK' ? 'ack' : 'retry'),
    retryDelaySeconds: scheduleDelays(emulator.options.callbackRetry),
  });
}

/** Sends a finished transaction's callback (see `deliverMandarinCallback`). */
export function sendTransactionCallback(emulator: EmulatorContext, tx: TransactionRecord): Delivery {
  return deliverMandarinCallback(emulator, tx, () => transactionCallbackFields(emulator, tx));
}
