import { validateCardInput } from '../cards/cardInput.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import type { HostedOperation, HostedOperationSource } from '../hosted/HostedOperation.js';
import { cancelBinding, completeBinding } from './completeBinding.js';

const STATUS_TEXT: Record<'pending' | 'success' | 'failed', string> = {
  pending: 'Waiting for your card.',
  success: 'Card bound. You can close this page.',
  failed: 'The card was not bound.',
};

/**
 * Card bindings on the hosted page: card inputs with "Bind card" and "Cancel". Invalid card data is sent
 * back field by field and decides nothing; a valid card completes the binding (the declined test card
 * fails it); Cancel fails it without a card.
 */
export function hostedCardBindings(emulator: EmulatorContext): HostedOperationSource {
  return (token) => {
    const binding = emulator.cardBindings.byPayToken(token);
    if (!binding) return undefined;
    const contact = binding.customerInfo.email ?? binding.customerInfo.phone ?? '';
    const operation: HostedOperation = {
      title: 'Link a card',
      summary: [
        ['Merchant', emulator.options.merchantId],
        ['Customer', contact],
      ],
      state: binding.status === 'pending' ? 'open' : binding.status,
      statusText: STATUS_TEXT[binding.status],
      form: 'card',
      buttons: [
        ['bind', 'Bind card'],
        ['cancel', 'Cancel'],
      ],
      note:
        'Test cards: 4111 1111 1111 1111 and 4929 5099 4710 6878 bind; 4000 0000 0000 0002 and ' +
        '4485 9131 8737 4384 are declined (holder CARD HOLDER, CVV 123). No money is taken.',
      ...(binding.returnUrl ? { returnUrl: binding.returnUrl } : {}),
      submit: (decision, fields) => {
        if (decision === 'cancel') {
          cancelBinding(emulator, binding);
          return {
            kind: 'decided',
            outcome: { heading: 'Binding cancelled', message: 'No card was linked.' },
          };
        }
        const result = validateCardInput(fields, emulator.clock.now());
        if (!result.ok) return { kind: 'invalid', errors: result.errors };
        completeBinding(emulator, binding, result.card);
        return {
          kind: 'decided',
          outcome:
            binding.status === 'success'
              ? { heading: 'Card bound', message: `Card ${binding.card?.masked ?? ''} is linked.` }
              : { heading: 'Card declined', message: 'The bank declined this card. No card was linked.' },
        };
      },
    };
    return operation;
  };
}
