import { formatAmount, fromMinorUnits, walletBalanceResponseSchema } from '@mandarin-kit/core';
import type { BffDeps } from '../BffDeps.js';
import { BffError } from '../http/BffError.js';
import type { WalletRecord } from '../store/records.js';

/**
 * Refuses a payout larger than the balance Mandarin reports, before anything is sent: 422 INSUFFICIENT_FUNDS
 * with the available amount. Mandarin stays the judge of what it then accepts.
 */
export async function requireFunds(deps: BffDeps, wallet: WalletRecord, amount: bigint): Promise<void> {
  const reply = await deps.mandarin.call('espBalance', {
    params: { id: wallet.id },
    schema: walletBalanceResponseSchema,
  });
  const available = fromMinorUnits(reply.balance);
  if (amount <= available) return;
  throw new BffError(
    422,
    'INSUFFICIENT_FUNDS',
    `The wallet holds ${formatAmount(available)} RUB, less than ${formatAmount(amount)} RUB`,
    { fields: { amount: ['More than the wallet holds'] }, details: { available: formatAmount(available) } },
  );
}
