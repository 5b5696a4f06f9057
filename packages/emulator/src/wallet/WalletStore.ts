import { randomBytes } from 'node:crypto';
import { formatAmount } from '@mandarin-kit/core';
import type { Clock } from '../clock/Clock.js';

/** ESP limits from Mandarin's public docs, in minor units. */
export const LIMITS = {
  perOperation: 10_000_000n,
  perMonth: 20_000_000n,
} as const;

/** The wallet behind a `Success` ESP. */
export interface Wallet {
  espId: string;
  walletId: string;
  balance: bigint;
  /** Outgoing operations with their emulated time, for the monthly turnover limit. */
  debits: Array<{ at: number; amount: bigint }>;
}

/**
 * Why a wallet operation failed; it becomes a `failed` callback, not a 400 (see README). The message is the
 * reason the merchant sees (callback `error`, status lookup); `detail` only reaches the emulator's log.
 */
export class WalletRefusal extends Error {
  override readonly name = 'WalletRefusal';

  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Wallet balances in minor units, moved by transactions when they complete. */
export class WalletStore {
  readonly #wallets = new Map<string, Wallet>();

  constructor(private readonly clock: Clock) {}

  open(espId: string, initialBalance: bigint): Wallet {
    const existing = this.#wallets.get(espId);
    if (existing) return existing;
    const wallet: Wallet = {
      espId,
      walletId: randomBytes(5).toString('hex'),
      balance: initialBalance,
      debits: [],
    };
    this.#wallets.set(espId, wallet);
    return wallet;
  }

  get(espId: string): Wallet | undefined {
    return this.#wallets.get(espId);
  }

  list(): Wallet[] {
    return [...this.#wallets.values()];
  }

  /** Outgoing turnover of the current calendar month (UTC, emulated clock). */
  monthTurnover(wallet: Wallet): bigint {
    const now = new Date(this.clock.now());
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    return wallet.debits.filter((d) => d.at >= monthStart).reduce((sum, d) => sum + d.amount, 0n);
  }

  /** Throws WalletRefusal when `amount` would break a per-operation or monthly limit. */
  checkLimits(wallet: Wallet, amount: bigint): void {
    if (amount > LIMITS.perOperation) {
      throw new WalletRefusal(`Amount ${formatAmount(amount)} exceeds the per-operation limit of 100000.00`);
    }
    const turnover = this.monthTurnover(wallet);
    if (turnover + amount > LIMITS.perMonth) {
      throw new WalletRefusal(
        `Monthly turnover would reach ${formatAmount(turnover + amount)}, over the limit of 200000.00`,
      );
    }
  }

  /** Takes money out of a wallet (payouts, withdrawals), enforcing balance and limits. */
  debit(wallet: Wallet, amount: bigint): void {
    this.checkLimits(wallet, amount);
    if (wallet.balance < amount) {
      throw new WalletRefusal(
        'Insufficient funds',
        `balance ${formatAmount(wallet.balance)}, needed ${formatAmount(amount)}`,
      );
    }
    wallet.balance -= amount;
    wallet.debits.push({ at: this.clock.now(), amount });
  }

  /** Money passing through a wallet (transit): limits apply, the balance does not change. */
  passThrough(wallet: Wallet, amount: bigint): void {
    this.checkLimits(wallet, amount);
    wallet.debits.push({ at: this.clock.now(), amount });
  }

  credit(wallet: Wallet, amount: bigint): void {
    wallet.balance += amount;
  }

  reset(): void {
    this.#wallets.clear();
  }
}
