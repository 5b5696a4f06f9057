import type { Delivery } from '../callbacks/Delivery.js';
import { deliverMandarinCallback, withSign } from '../callbacks/mandarinCallback.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import type { CardBindingRecord } from './CardBindingRecord.js';

/**
 * The form fields of a card-binding callback (SPEC.md "Card binding"): `object_type=card_binding`, the
 * binding id, the masked card and its expiry, the outcome, and `sign` over all of them. The card fields are
 * left out when no card was entered (the payer cancelled).
 */
export function cardBindingCallbackFields(
  emulator: EmulatorContext,
  binding: CardBindingRecord,
): Record<string, string> {
  const { customerInfo, card } = binding;
  const fields: Record<string, string | undefined> = {
    merchantId: emulator.options.merchantId,
    object_type: 'card_binding',
    card_binding: binding.id,
    status: binding.status === 'success' ? 'success' : 'failed',
    card_holder: card?.holder,
    card_number: card?.masked,
    card_expiration_year: card?.expirationYear,
    card_expiration_month: card?.expirationMonth,
    email: customerInfo.email,
    customer_email: customerInfo.email,
    customer_phone: customerInfo.phone,
    payment_system: 'mandarinpayv1',
    sandbox: 'true',
    cb_processed_at: emulator.clock.iso(),
  };
  const present = Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return withSign(present, emulator.options.secret);
}

/**
 * Sends a finished binding's callback on the same channel, URL choice, signature and retry schedule as
 * transaction callbacks (see `deliverMandarinCallback`).
 */
export function sendCardBindingCallback(emulator: EmulatorContext, binding: CardBindingRecord): Delivery {
  return deliverMandarinCallback(emulator, binding, () => cardBindingCallbackFields(emulator, binding));
}
