import { formatAmount } from '@mandarin-kit/core';
import type { Delivery } from '../callbacks/Delivery.js';
import { deliverMandarinCallback, withSign } from '../callbacks/mandarinCallback.js';
import { maskCardNumber } from '../cards/testCards.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import type { TransactionRecord } from './TransactionRecord.js';

interface CustomerInfo {
  email?: string;
  phone?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
}

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

/** Sends a finished transaction's callback (see `deliverMandarinCallback`). */
export function sendTransactionCallback(emulator: EmulatorContext, tx: TransactionRecord): Delivery {
  return deliverMandarinCallback(emulator, tx, () => transactionCallbackFields(emulator, tx));
}
