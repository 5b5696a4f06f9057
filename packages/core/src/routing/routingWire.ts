import { formatAmount } from '../money/formatAmount.js';
import { parseAmount } from '../money/parseAmount.js';
import type { RoutingShare } from './RoutingShare.js';

/** A routing entry exactly as the seed puts it on the wire. */
export interface RoutingWireEntry {
  accountId: string;
  amount: { value: string; currency: 'RUB' };
  platformFeeAmount: { value: string; currency: 'RUB' };
  description?: string;
}

function toWire(share: RoutingShare): RoutingWireEntry {
  return {
    accountId: share.accountId,
    amount: { value: formatAmount(share.amount), currency: 'RUB' },
    platformFeeAmount: { value: formatAmount(share.platformFee), currency: 'RUB' },
    description: share.description ?? '',
  };
}

/** The `routing` object of a pay request: `{ destination: [...] }` with wire amounts. */
export function toRoutingDestination(shares: readonly RoutingShare[]): { destination: RoutingWireEntry[] } {
  return { destination: shares.map(toWire) };
}

/** The `routing` object of a reversal: `{ source: [...] }` with wire amounts. */
export function toRoutingSource(shares: readonly RoutingShare[]): { source: RoutingWireEntry[] } {
  return { source: shares.map(toWire) };
}

/**
 * Reads wire routing entries back into shares.
 * @throws MoneyError when an amount is not a wire amount.
 */
export function fromRoutingWire(entries: readonly RoutingWireEntry[]): RoutingShare[] {
  return entries.map((entry) => ({
    accountId: entry.accountId,
    amount: parseAmount(entry.amount.value),
    platformFee: parseAmount(entry.platformFeeAmount.value),
    ...(entry.description ? { description: entry.description } : {}),
  }));
}
