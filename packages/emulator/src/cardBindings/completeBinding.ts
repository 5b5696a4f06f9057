import type { ValidCard } from '../cards/cardInput.js';
import { issuerDecision, maskPan } from '../cards/testCards.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import type { CardBindingRecord } from './CardBindingRecord.js';
import { sendCardBindingCallback } from './cardBindingCallback.js';

/**
 * Ends a pending binding with the card the payer entered: the declined test card fails it, any other valid
 * card binds. Only the masked number and expiry are kept. A finished binding is never finished again.
 */
export function completeBinding(
  emulator: EmulatorContext,
  binding: CardBindingRecord,
  card: ValidCard,
): void {
  if (binding.status !== 'pending') return;
  const decision = issuerDecision(card.pan);
  binding.card = {
    masked: maskPan(card.pan),
    holder: card.holder,
    expirationMonth: card.expirationMonth,
    expirationYear: card.expirationYear,
  };
  finish(emulator, binding, decision, decision === 'failed' ? 'Card declined by the issuer' : null);
}

/** The payer gave up (Cancel on the hosted page): the binding fails without a card. */
export function cancelBinding(emulator: EmulatorContext, binding: CardBindingRecord): void {
  if (binding.status !== 'pending') return;
  finish(emulator, binding, 'failed', 'Cancelled by the payer');
}

function finish(
  emulator: EmulatorContext,
  binding: CardBindingRecord,
  status: 'success' | 'failed',
  reason: string | null,
): void {
  binding.status = status;
  binding.failureReason = reason;
  binding.finishedAt = emulator.clock.iso();
  emulator.log(`card binding ${binding.id} ${status}${reason ? `: ${reason}` : ''}`);
  sendCardBindingCallback(emulator, binding);
}
