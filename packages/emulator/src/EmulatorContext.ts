import { AccountStore } from './accounts/AccountStore.js';
import { type EmulatorStats, emptyStats } from './admin/Stats.js';
import { DeliveryService } from './callbacks/DeliveryService.js';
import { CardBindingStore } from './cardBindings/CardBindingStore.js';
import { Clock } from './clock/Clock.js';
import { Scheduler } from './clock/Scheduler.js';
import { EspService } from './esp/EspService.js';
import { FaultRegistry } from './faults/FaultRegistry.js';
import { TokenStore } from './oauth/TokenStore.js';
import type { ResolvedEmulatorOptions } from './options.js';
import { TransactionStore } from './transactions/TransactionStore.js';
import { WalletStore } from './wallet/WalletStore.js';

/**
 * Everything one emulator instance knows, passed to each route module. All state lives here and in
 * memory, so `reset()` returns the emulator to how it started (options aside).
 */
export class EmulatorContext {
  readonly clock = new Clock();
  readonly scheduler: Scheduler;
  readonly tokens: TokenStore;
  readonly stats: EmulatorStats = emptyStats();
  readonly faults = new FaultRegistry();
  readonly deliveries: DeliveryService;
  readonly esps: EspService;
  readonly wallets: WalletStore;
  readonly transactions = new TransactionStore();
  readonly accounts = new AccountStore();
  readonly cardBindings = new CardBindingStore();

  constructor(readonly options: ResolvedEmulatorOptions) {
    this.scheduler = new Scheduler(options.timeScale, (error) =>
      this.log(`scheduled task failed: ${(error as Error)?.stack ?? String(error)}`),
    );
    this.tokens = new TokenStore(this.clock);
    this.deliveries = new DeliveryService(this.scheduler, this.clock, this.faults, (line) => this.log(line));
    this.esps = new EspService(this);
    this.wallets = new WalletStore(this.clock);
  }

  log(line: string): void {
    this.options.logger(line);
  }

  /** Cancels every timer and delivery and forgets all state: tokens, ESPs, wallets, transactions, card bindings, faults. */
  reset(): void {
    this.scheduler.cancelAll();
    this.deliveries.reset();
    this.tokens.reset();
    this.faults.clear();
    this.esps.reset();
    this.wallets.reset();
    this.transactions.reset();
    this.accounts.reset();
    this.cardBindings.reset();
    this.clock.reset();
    Object.assign(this.stats, emptyStats());
  }
}
