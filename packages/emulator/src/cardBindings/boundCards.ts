import type { EmulatorContext } from '../EmulatorContext.js';
import { badRequest } from '../http/HttpError.js';
import { WalletRefusal } from '../wallet/WalletStore.js';
import type { CardBindingRecord } from './CardBindingRecord.js';

interface CardRefs {
  destination?: { card?: unknown };
  source?: { card?: unknown };
  target?: { card?: unknown };
}

/** The card binding id a transaction names (`destination.card`, `source.card` or `target.card`), if any. */
export function boundCardIdOf(request: unknown): string | undefined {
  const r = request as CardRefs;
  const id = r.destination?.card ?? r.source?.card ?? r.target?.card;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Checked when a transaction is created. An unknown card id is a bad reference (400, like an unknown payment
 * token) only with `strictCards`: without it, ids are accepted as they come, so tests and demos that never
 * bound a card keep working.
 */
export function checkBoundCardReference(emulator: EmulatorContext, request: unknown): void {
  const id = boundCardIdOf(request);
  if (id === undefined || !emulator.options.strictCards) return;
  if (!emulator.cardBindings.get(id)) throw badRequest(`Card binding ${id} not found`);
}

/**
 * Checked when a transaction completes: a binding the emulator knows but that is not bound (declined,
 * cancelled, or still pending) fails the transaction with a `failed` callback, whatever `strictCards` says;
 * so does charging a one-side binding, which serves payouts only. Returns the binding, so the callback can
 * carry its masked number.
 */
export function requireBoundCard(
  emulator: EmulatorContext,
  request: unknown,
  use: 'charge' | 'payout',
): CardBindingRecord | undefined {
  const id = boundCardIdOf(request);
  const binding = id === undefined ? undefined : emulator.cardBindings.get(id);
  if (binding && binding.status !== 'success') {
    throw new WalletRefusal(`Card binding ${binding.id} is not active (${binding.status})`);
  }
  if (binding?.oneSide && use === 'charge') {
    throw new WalletRefusal(`Card binding ${binding.id} is a one-side binding: it serves payouts only`);
  }
  return binding;
}
