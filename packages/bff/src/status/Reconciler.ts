import type { Logger } from 'pino';
import type { BffDeps } from '../BffDeps.js';
import type { ReconcileItem, ReconcileKind } from '../store/reconcileQueue.js';
import { pollCard, pollOperation, pollPayment, pollRefund, pollWallet } from './poll.js';
import { WALLET_SETTLED } from './settle.js';

/** How the reconciler works; every figure is in milliseconds. */
export interface ReconcileOptions {
  /** How long after creation (and after the last unanswered read) something pending is first asked about. */
  afterMs: number;
  /** How often the queue is looked at. */
  intervalMs: number;
  /** Status reads in flight at once, per instance. */
  concurrency: number;
  /** The longest wait between two reads of the same item (the wait doubles from `afterMs` up to this). */
  maxBackoffMs: number;
  /** How long a claimed item is this instance's before another may take it (a crash mid-read). */
  leaseMs: number;
}

/** Watches each status read (metrics): the item's kind and whether it settled, still waits, or failed. */
export type ReconcileObserver = (kind: ReconcileKind, outcome: 'settled' | 'pending' | 'failed') => void;

/** The reconciler alone may take Mandarin's "no such order" for an item old enough as "never sent". */
const CONCLUDE = { concludeAbsence: true };

/** Defaults: a callback normally arrives within seconds; a minute later it is overdue. */
export const defaultReconcileOptions: ReconcileOptions = {
  afterMs: 60_000,
  intervalMs: 5_000,
  concurrency: 4,
  maxBackoffMs: 60 * 60_000,
  leaseMs: 120_000,
};

/**
 * Settles what waits for a callback that may be lost: operations, payments (and their captures and releases),
 * refunds, card bindings and wallets still opening. Each due item is asked about at Mandarin and settled through
 * the same status machine as callbacks and polls, so each change is relayed once, whichever path sees it first.
 * Items are claimed in the store, so several instances on one PostgreSQL never read the same item at once; an
 * item still pending is asked again later, with a doubling wait.
 */
export class Reconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** Set by stop(): a sweep under way finishes its current items and claims no more. */
  private closing = false;

  constructor(
    private readonly deps: BffDeps,
    private readonly options: ReconcileOptions,
    private readonly logger: Logger,
    private readonly observe: ReconcileObserver = () => {},
  ) {}

  start(): void {
    this.stopped = false;
    this.closing = false;
    this.schedule(0);
  }

  /**
   * Stops looking at the queue; resolves once the reads in flight have ended. Items claimed but not yet read are
   * handed back at once, so that another instance reads them without waiting for their lease to run out.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One pass: claims due items and settles them, `concurrency` at a time, until none is due. Returns how many
   * items were read. Tests and benchmarks call it directly.
   */
  async sweep(now = Date.now): Promise<number> {
    let read = 0;
    const { store } = this.deps;
    const { concurrency, leaseMs } = this.options;
    for (;;) {
      if (this.closing) break;
      const t = now();
      const items = await store.reconcile.claim(t, t + leaseMs, concurrency * 8);
      if (items.length === 0) break;
      let next = 0;
      const worker = async () => {
        while (next < items.length && !this.closing) {
          const item = items[next++]!;
          await this.settle(item, now);
          read++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
      if (next < items.length) await this.release(items.slice(next), t);
    }
    return read;
  }

  /** Gives claimed items back, due again at `dueAt` (their claim counted an attempt; that is harmless). */
  private async release(items: ReconcileItem[], dueAt: number): Promise<void> {
    for (const item of items) {
      await this.deps.store.reconcile
        .reschedule(item.kind, item.id, dueAt)
        .catch((err) => this.logger.warn({ err, kind: item.kind }, 'could not hand a claimed item back'));
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then(() => undefined)
        .catch((err) => this.logger.error({ err }, 'reconciliation sweep failed'))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.options.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** Reads one item at Mandarin; settled items leave the queue, the others come back after a longer wait. */
  private async settle(item: ReconcileItem, now: () => number): Promise<void> {
    try {
      if (await this.stillOpen(item)) {
        const wait = Math.min(this.options.maxBackoffMs, this.options.afterMs * 2 ** (item.attempts - 1));
        await this.deps.store.reconcile.reschedule(item.kind, item.id, now() + wait);
        this.observe(item.kind, 'pending');
      } else {
        await this.deps.store.reconcile.remove(item.kind, item.id);
        this.observe(item.kind, 'settled');
      }
    } catch (err) {
      this.observe(item.kind, 'failed');
      // Mandarin unreachable or the store failing: the lease runs out and the item is read again.
      this.logger.warn({ err, kind: item.kind }, 'reconciliation read failed');
    }
  }

  /** Asks Mandarin about one item; whether it still waits for Mandarin's word afterwards. */
  private async stillOpen({ kind, id }: ReconcileItem): Promise<boolean> {
    const { deps } = this;
    const { store } = deps;
    switch (kind) {
      case 'operation': {
        const op = await store.operations.get(id);
        if (op === undefined) return false;
        const now = await pollOperation(deps, op, CONCLUDE);
        return now.status === 'pending' || now.status === 'awaiting_confirmation';
      }
      case 'payment': {
        const p = await store.payments.get(id);
        if (p === undefined) return false;
        const now = await pollPayment(deps, p, CONCLUDE);
        return now.status === 'pending' || (now.status === 'authorized' && now.releaseOrderId !== null);
      }
      case 'refund': {
        const r = await store.payments.getRefund(id);
        return r !== undefined && (await pollRefund(deps, r, CONCLUDE)).status === 'pending';
      }
      case 'card': {
        const c = await store.cards.get(id);
        return c !== undefined && (await pollCard(deps, c)).status === 'pending';
      }
      case 'wallet': {
        const w = await store.wallets.get(id);
        return w !== undefined && !WALLET_SETTLED.has((await pollWallet(deps, w)).status);
      }
    }
  }
}
