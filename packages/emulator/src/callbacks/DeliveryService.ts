import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/Clock.js';
import type { Scheduler } from '../clock/Scheduler.js';
import type { FaultRegistry } from '../faults/FaultRegistry.js';
import { type OutgoingResponse, sendRequest } from '../http/sendRequest.js';
import type { Delivery, DeliveryPlan } from './Delivery.js';

/**
 * Sends callbacks and webhooks, retries them on each provider's schedule, and records every attempt.
 * Delivery faults apply here: `duplicate-callback` sends a second copy, `out-of-order-callbacks` holds
 * deliveries back and releases them in reverse order.
 */
export class DeliveryService {
  #deliveries: Delivery[] = [];
  #held: Array<{ delivery: Delivery; plan: DeliveryPlan }> = [];
  #abort = new AbortController();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly faults: FaultRegistry,
    private readonly log: (line: string) => void,
  ) {}

  /** Queues a delivery and returns its record (which keeps changing as attempts are made). */
  enqueue(plan: DeliveryPlan): Delivery {
    const delivery = this.#record(plan);
    if (!plan.url) {
      delivery.state = 'no-url';
      this.log(`${plan.channel} delivery ${delivery.id} not sent: no URL configured`);
      return delivery;
    }
    const fault = this.faults.findDeliveryFault(plan.channel);
    if (fault?.kind === 'duplicate-callback') {
      this.faults.consume(fault.id);
      const copy = this.#record(plan);
      copy.duplicateOf = delivery.id;
      void this.#run(delivery, plan).then(() => this.#run(copy, plan));
      return delivery;
    }
    if (fault?.kind === 'out-of-order-callbacks') {
      delivery.state = 'held';
      this.#held.push({ delivery, plan });
      if (this.#held.length >= Math.max(2, fault.count)) {
        this.faults.consume(fault.id, fault.count);
        void this.releaseHeld();
      }
      return delivery;
    }
    void this.#run(delivery, plan);
    return delivery;
  }

  /** Sends held deliveries newest first, each one's first attempt finished before the next starts. */
  async releaseHeld(): Promise<void> {
    const held = this.#held.reverse();
    this.#held = [];
    for (const { delivery, plan } of held) {
      delivery.state = 'pending';
      await this.#run(delivery, plan);
    }
  }

  list(filter: { channel?: string; subject?: string } = {}): Delivery[] {
    return this.#deliveries.filter(
      (d) =>
        (filter.channel === undefined || d.channel === filter.channel) &&
        (filter.subject === undefined || d.subject === filter.subject),
    );
  }

  get(id: string): Delivery | undefined {
    return this.#deliveries.find((d) => d.id === id);
  }

  /** Aborts requests in flight (timers are cancelled by the scheduler) and forgets every record. */
  reset(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    for (const d of this.#deliveries) if (d.state === 'pending' || d.state === 'held') d.state = 'cancelled';
    this.#deliveries = [];
    this.#held = [];
  }

  #record(plan: DeliveryPlan): Delivery {
    const delivery: Delivery = {
      id: randomUUID(),
      channel: plan.channel,
      url: plan.url ?? null,
      subject: plan.subject ?? null,
      state: 'pending',
      createdAt: this.clock.iso(),
      attempts: [],
    };
    this.#deliveries.push(delivery);
    return delivery;
  }

  /** Makes the first attempt, and schedules the retries in the background; resolves after the first. */
  async #run(delivery: Delivery, plan: DeliveryPlan): Promise<void> {
    const done = await this.#attempt(delivery, plan);
    if (!done) void this.#retry(delivery, plan);
  }

  async #retry(delivery: Delivery, plan: DeliveryPlan): Promise<void> {
    for (;;) {
      const delay = plan.retryDelaySeconds(delivery.attempts.length);
      if (delay === null) {
        delivery.state = 'failed';
        this.log(
          `${plan.channel} delivery ${delivery.id} gave up after ${delivery.attempts.length} attempts`,
        );
        return;
      }
      if (!(await this.scheduler.sleep(delay)) || delivery.state === 'cancelled') {
        delivery.state = 'cancelled';
        return;
      }
      if (await this.#attempt(delivery, plan)) return;
    }
  }

  /** One attempt; true when the delivery is finished (acknowledged or refused for good). */
  async #attempt(delivery: Delivery, plan: DeliveryPlan): Promise<boolean> {
    const attempt = delivery.attempts.length + 1;
    const request = plan.build(attempt);
    const signal = this.#abort.signal;
    let response: OutgoingResponse | null = null;
    let error: string | undefined;
    try {
      response = await sendRequest(request, signal);
    } catch (e) {
      error = (e as Error).message;
    }
    if (signal.aborted) {
      delivery.state = 'cancelled';
      return true;
    }
    delivery.attempts.push({
      attempt,
      at: this.clock.iso(),
      request,
      status: response?.status ?? null,
      body: response?.body ?? '',
      ...(error === undefined ? {} : { error }),
    });
    const outcome = plan.outcome(response, delivery);
    this.log(
      `${plan.channel} → ${request.url} attempt ${attempt}: ${response?.status ?? error} (${outcome})`,
    );
    if (outcome === 'retry') return false;
    delivery.state = outcome === 'ack' ? 'delivered' : 'failed';
    return true;
  }
}
