import pg from 'pg';

interface Subscription {
  onPayload: (payload: string) => void;
  onResume: (() => void) | undefined;
}

const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 10_000;

/**
 * One long-lived connection, outside the pool, that holds every LISTEN of a driver: a pooled connection
 * would be handed to other work and its LISTENs lost. When the connection breaks it reconnects with
 * backoff and LISTENs again; notifications sent meanwhile are lost, so `onResume` tells subscribers to
 * catch up from the table they watch.
 */
export class PgListener {
  private readonly channels = new Map<string, Set<Subscription>>();
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  /** Set when a connection broke, so the next one calls every `onResume`. */
  private resumed = false;
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Subscribes to `channel`; resolves once LISTEN is in effect, with a function that unsubscribes. */
  async listen(
    channel: string,
    onPayload: (payload: string) => void,
    onResume?: () => void,
  ): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('PgDriver: listen after close');
    const subscription: Subscription = { onPayload, onResume };
    let subscriptions = this.channels.get(channel);
    if (subscriptions === undefined) {
      subscriptions = new Set();
      this.channels.set(channel, subscriptions);
    }
    subscriptions.add(subscription);
    for (;;) {
      const client = await this.connected();
      try {
        // Repeating LISTEN for a channel already listened to is a no-op, so no bookkeeping is needed.
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        break;
      } catch (error) {
        // A connection that broke meanwhile is replaced by one that LISTENs to every channel, this one too.
        if (client !== this.client) continue;
        await this.unsubscribe(channel, subscription);
        throw error;
      }
    }
    return () => this.unsubscribe(channel, subscription);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
    this.wake?.();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async unsubscribe(channel: string, subscription: Subscription): Promise<void> {
    const subscriptions = this.channels.get(channel);
    if (!subscriptions?.delete(subscription) || subscriptions.size > 0) return;
    this.channels.delete(channel);
    // Issued at once, so that a LISTEN to the same channel right after is queued behind it, not before.
    // A broken connection has no LISTEN left to undo.
    await this.client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
  }

  private connected(): Promise<pg.Client> {
    if (this.client !== undefined) return Promise.resolve(this.client);
    if (this.connecting === undefined) {
      const connecting = this.connect();
      // Only close() makes it reject; callers that await it see that, and a reconnect nobody awaits must not
      // surface as an unhandled rejection.
      connecting.catch(() => {});
      this.connecting = connecting;
    }
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new Error('PgDriver: closed while connecting the LISTEN connection');
      const client = new pg.Client(this.config);
      // Attached first: an 'error' event without a listener would crash the process.
      client.on('error', (error) => this.lost(client, error));
      client.on('end', () => this.lost(client));
      client.on('notification', (message) => this.dispatch(message));
      try {
        await client.connect();
        for (const channel of this.channels.keys()) {
          await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        }
      } catch (error) {
        client.end().catch(() => {});
        this.onError(error as Error);
        await this.sleep(
          Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt) * (0.5 + Math.random() / 2),
        );
        continue;
      }
      if (this.closed) {
        await client.end().catch(() => {});
        throw new Error('PgDriver: closed while connecting the LISTEN connection');
      }
      this.client = client;
      this.connecting = undefined;
      if (this.resumed) {
        this.resumed = false;
        for (const subscriptions of this.channels.values()) {
          for (const s of subscriptions) this.call(() => s.onResume?.());
        }
      }
      return client;
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (client !== this.client) return;
    this.client = undefined;
    if (error !== undefined) this.onError(error);
    client.end().catch(() => {});
    if (this.closed) return;
    this.resumed = true;
    // With nobody listening there is nothing to restore; the next listen() connects.
    if (this.channels.size > 0) void this.connected();
  }

  private dispatch(message: pg.Notification): void {
    const subscriptions = this.channels.get(message.channel);
    if (subscriptions === undefined) return;
    for (const s of [...subscriptions]) this.call(() => s.onPayload(message.payload ?? ''));
  }

  /** A subscriber's throw must not break delivery to the others. */
  private call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.onError(error as Error);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
