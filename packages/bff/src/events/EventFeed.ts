import type { Logger } from 'pino';
import type { StoredEvent } from '../store/events.js';
import type { Store } from '../store/Store.js';
import type { EventHub } from './EventHub.js';

/** What a PostgreSQL driver offers for fan-out between instances. */
interface Notifier {
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
}

const CHANNEL = 'mandarin_kit_events';

function notifierOf(store: Store): Notifier | undefined {
  const driver = store.driver as Partial<Notifier>;
  return typeof driver.listen === 'function' && typeof driver.notify === 'function'
    ? (driver as Notifier)
    : undefined;
}

/**
 * Delivers committed events to SSE clients. On SQLite (one instance) straight to the local hub; on PostgreSQL
 * every instance, this one included, learns of events through NOTIFY, in commit order, so a client on any
 * instance sees every event exactly once and in order.
 */
export class EventFeed {
  private unlisten: (() => Promise<void>) | undefined;
  private readonly notifier: Notifier | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
    private readonly logger: Logger,
  ) {
    this.notifier = notifierOf(store);
  }

  async start(): Promise<void> {
    if (this.notifier === undefined) return;
    this.unlisten = await this.notifier.listen(CHANNEL, (payload) => {
      // Loaded one after another so that events reach the hub in the order they were committed.
      this.chain = this.chain
        .then(() => this.load(payload))
        .catch((err) => this.logger.error({ err }, 'event fan-out failed'));
    });
  }

  /** Called after the transaction that stored `events` committed. */
  async committed(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (this.notifier === undefined) {
      this.hub.publish(events);
      return;
    }
    const seqs = events.map((e) => e.seq.toString()).join(',');
    await this.notifier.notify(CHANNEL, seqs);
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    await this.chain;
  }

  private async load(payload: string): Promise<void> {
    const events: StoredEvent[] = [];
    for (const seq of payload.split(',')) {
      if (!/^\d+$/.test(seq)) continue;
      const event = await this.store.events.get(BigInt(seq));
      if (event !== undefined) events.push(event);
    }
    this.hub.publish(events);
  }
}
