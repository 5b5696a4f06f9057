import type { EventEnvelope } from '@mandarin-kit/core';
import type { Logger } from 'pino';
import type { Store } from '../store/Store.js';

/** The host's hook for every relayed event; called at least once per event, retried while it throws. */
export type OnEvent = (event: EventEnvelope & { ownerId: string | null }) => void | Promise<void>;

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Calls `onEvent` for stored events from the event log (not from memory), so an event whose hook failed, or
 * whose process died, is delivered later; retries back off exponentially up to five minutes.
 */
export class HookRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly onEvent: OnEvent,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Runs soon: something was just stored. */
  kick(): void {
    if (!this.stopped && this.running === undefined) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    try {
      for (const event of await this.store.events.dueHooks(Date.now())) {
        if (this.stopped) return;
        try {
          await this.onEvent({ ...event.envelope, ownerId: event.ownerId });
          await this.store.events.hookDone(event.seq);
        } catch (err) {
          const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** event.attempts);
          this.logger.warn(
            { err, seq: event.envelope.id, attempt: event.attempts + 1 },
            'onEvent hook failed; will retry',
          );
          await this.store.events.hookFailed(event.seq, Date.now() + delay);
        }
      }
    } catch (err) {
      this.logger.error({ err }, 'onEvent runner could not read the event log');
    }
  }
}
