import { randomUUID } from 'node:crypto';

/** Faults that disturb an upstream request. */
export const REQUEST_FAULT_KINDS = ['5xx', 'timeout', 'slow', '401', 'lost-response'] as const;
/** Faults that disturb outgoing callbacks and webhooks. */
export const DELIVERY_FAULT_KINDS = ['duplicate-callback', 'out-of-order-callbacks'] as const;

/** What an injected fault does. */
export type FaultKind = (typeof REQUEST_FAULT_KINDS)[number] | (typeof DELIVERY_FAULT_KINDS)[number];

/** An injected fault and how many more times it fires. */
export interface Fault {
  id: string;
  /**
   * Request faults: `"METHOD /path"` or just `"/path"`, `*` matching any run of characters
   * (`"POST /api/*"`). Delivery faults: the channel (`mandarin`, `esp`, `transfers`, `gateway`, `widget`,
   * `processing`) or `*`.
   */
  route: string;
  kind: FaultKind;
  /** Remaining firings; for `out-of-order-callbacks`, how many deliveries are held and then reversed. */
  count: number;
  /** `slow` and `timeout`: real milliseconds (not scaled) before answering or dropping the connection. */
  delayMs?: number;
  /** `5xx`: the status to answer with (default 503). */
  status?: number;
}

/** `/api/sbp/banks/` and `/api/sbp/banks` are one route, as the router treats them. */
const trimSlash = (label: string) => (label.length > 1 ? label.replace(/(.)\/+$/, '$1') : label);

/** Compiles a route glob; a pattern without a method matches every method. */
function matcher(pattern: string): RegExp {
  const withMethod = trimSlash(/^[A-Z*]+ /.test(pattern) ? pattern : `* ${pattern}`);
  const source = withMethod
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}

/** Injected faults, consumed as they fire. */
export class FaultRegistry {
  #faults: Fault[] = [];

  add(spec: Omit<Fault, 'id'>): Fault {
    const fault: Fault = { ...spec, id: randomUUID() };
    this.#faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  /** Fires (and consumes one count of) the first request fault matching `"METHOD /path"`. */
  takeRequestFault(label: string): Fault | undefined {
    const fault = this.#faults.find(
      (f) =>
        (REQUEST_FAULT_KINDS as readonly string[]).includes(f.kind) &&
        matcher(f.route).test(trimSlash(label)),
    );
    if (!fault) return undefined;
    this.#consume(fault, 1);
    return { ...fault };
  }

  /** The first delivery fault for `channel`, without consuming it (the delivery queue decides). */
  findDeliveryFault(channel: string): Fault | undefined {
    return this.#faults.find(
      (f) =>
        (DELIVERY_FAULT_KINDS as readonly string[]).includes(f.kind) &&
        (f.route === '*' || f.route.toLowerCase() === channel.toLowerCase()),
    );
  }

  /** Uses up `by` firings of a fault; it disappears at zero. */
  consume(id: string, by = 1): void {
    const fault = this.#faults.find((f) => f.id === id);
    if (fault) this.#consume(fault, by);
  }

  remove(id: string): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((f) => f.id !== id);
    return this.#faults.length < before;
  }

  clear(): void {
    this.#faults = [];
  }

  #consume(fault: Fault, by: number): void {
    fault.count -= by;
    if (fault.count <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
  }
}
