import { formatAmount } from '@mandarin-kit/core';
import type { Logger } from 'pino';
import type { EventFeed } from '../events/EventFeed.js';
import type { HookRunner } from '../events/HookRunner.js';
import type { StatusSource } from '../status/settle.js';
import type { StoredEvent } from '../store/events.js';
import type { Ack } from '../store/inbox.js';
import type { PaymentRecord } from '../store/records.js';
import type { Store } from '../store/Store.js';
import { applyCallback } from './applyCallback.js';
import {
  type AcceptedCallback,
  type CallbackAdapter,
  CallbackRefused,
  type CallbackRequest,
  jsonAck,
} from './types.js';

/** How a callback ended: stored, a repeat of one stored already, refused (nothing stored), or not stored. */
export type CallbackOutcome = 'stored' | 'duplicate' | 'refused' | 'failed';

/** Watches callbacks (metrics, traces) and the events relayed; never sees payloads. */
export interface RelayObserver {
  /** A callback arrives: the returned function is told how it ended. */
  callback(provider: string): (outcome: CallbackOutcome) => void;
  /** Events were committed and handed to the SSE fan-out and the onEvent hook. */
  relayed(count: number): void;
}

/** A widget `check` decision: 0 pay, 10 wrong order, 11 wrong amount, 13 can't accept, 20 overdue. */
export type CheckCode = 0 | 10 | 11 | 13 | 20;

/** The host's say on a widget `check`; `payment` is the one the BFF created for that order, if any. */
export type DecideCheck = (
  payment: PaymentRecord | undefined,
  notification: NonNullable<AcceptedCallback['check']>,
) => CheckCode | Promise<CheckCode>;

/** Default check: the order must be a pending payment the BFF created, for exactly this amount in roubles. */
export const defaultDecideCheck: DecideCheck = (payment, n) => {
  if (payment === undefined) return 10;
  if (n.currency !== 'RUB' || formatAmount(payment.amount) !== n.amount) return 11;
  return payment.status === 'pending' ? 0 : 13;
};

/**
 * The relay's core: verify, store once (inbox row with a unique dedupe key, status change and events in one
 * transaction) and only then acknowledge. A repeat gets the stored reply and creates nothing; a store failure
 * throws, so the provider is told to retry.
 */
export class CallbackRelay {
  /**
   * 'callback stored' carries only the provider's name and event ids, neither a secret nor personal data, so it
   * skips the logger's key redaction, as the access line does: ~60 µs of every callback at `info` (issue 21).
   */
  private readonly stored: Logger;

  constructor(
    private readonly store: Store,
    private readonly feed: EventFeed,
    private readonly hooks: HookRunner | undefined,
    private readonly decideCheck: DecideCheck,
    private readonly logger: Logger,
    private readonly observer?: RelayObserver,
  ) {
    this.stored = logger.child({}, { redact: { paths: [] } });
  }

  async receive(adapter: CallbackAdapter, request: CallbackRequest): Promise<Ack> {
    if (this.observer === undefined) return (await this.accept(adapter, request)).ack;
    const end = this.observer.callback(adapter.provider);
    try {
      const { ack, duplicate } = await this.accept(adapter, request);
      end(duplicate ? 'duplicate' : 'stored');
      return ack;
    } catch (error) {
      end(error instanceof CallbackRefused ? 'refused' : 'failed');
      throw error;
    }
  }

  private async accept(
    adapter: CallbackAdapter,
    request: CallbackRequest,
  ): Promise<{ ack: Ack; duplicate: boolean }> {
    const accepted = adapter.accept(request);
    const { callback } = accepted;
    if (callback.kind === 'transaction' && callback.status === null) {
      // Kept and acknowledged (a refusal would be re-sent for ever), but it changes nothing.
      this.logger.warn(
        { provider: adapter.provider, status: callback.reportedStatus },
        'callback without a status Mandarin documents: stored, nothing changed',
      );
    }
    let ack = accepted.ack;
    if (accepted.check !== undefined) {
      const payment =
        accepted.check.invoiceId === null
          ? undefined
          : await this.store.payments.findByTransactionOrOrder(null, accepted.check.invoiceId);
      ack = jsonAck({ code: await this.decideCheck(payment, accepted.check) });
    }
    const result = await this.record(async (tx, hook) => {
      const inserted = await tx.inbox.insert({
        provider: adapter.provider,
        dedupeKey: accepted.dedupeKey,
        payload: accepted.payload,
        ack,
      });
      if (!inserted.inserted) return { value: { ack: inserted.ack, duplicate: true }, events: [] };
      return {
        value: { ack, duplicate: false },
        events: await applyCallback(tx, accepted.callback, inserted.id, hook),
      };
    });
    if (result.events.length > 0 && this.stored.isLevelEnabled('info')) {
      this.stored.info(
        { provider: adapter.provider, events: result.events.map((e) => e.envelope.id) },
        'callback stored',
      );
    }
    return result.value;
  }

  /**
   * Runs `work` in one store transaction and relays the events it recorded once that commits: to SSE clients on
   * every instance and to the host's onEvent hook. Callbacks go through here, and so do status changes the BFF
   * learns by asking Mandarin itself, so that a change is relayed once, whichever way it was learnt first.
   */
  private async record<T>(
    work: (tx: Store, hook: boolean) => Promise<{ value: T; events: StoredEvent[] }>,
  ): Promise<{ value: T; events: StoredEvent[] }> {
    // No lock across instances: readers order the log by transaction and read only what every transaction
    // before it has committed (see EventCursor in store/events.ts), so concurrent commits keep streams exact.
    const result = await this.store.transaction((tx) => work(tx, this.hooks !== undefined));
    if (result.events.length > 0) {
      this.observer?.relayed(result.events.length);
      await this.feed
        .committed(result.events)
        .catch((err) => this.logger.error({ err }, 'event publish failed'));
      this.hooks?.kick();
    }
    return result;
  }

  /**
   * A status the BFF learnt by asking Mandarin itself, with no callback behind it: `settle` stores the change
   * and its events (see {@link record}); `refs` are Mandarin's references for the event.
   */
  async polled(
    refs: Pick<StatusSource, 'orderId' | 'transactionId'>,
    settle: (tx: Store, source: StatusSource) => Promise<StoredEvent[]>,
  ): Promise<void> {
    const { orderId, transactionId } = refs;
    await this.record(async (tx, hook) => ({
      value: undefined,
      events: await settle(tx, { orderId, transactionId, inboxId: null, hook }),
    }));
  }
}

/** Records the status changes the BFF learns by asking Mandarin, and relays their events. */
export type EventRecorder = Pick<CallbackRelay, 'polled'>;
