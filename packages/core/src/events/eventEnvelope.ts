import { z } from 'zod';

/** The kinds of event the BFF relays to browsers, one per callback source. */
export const eventTypes = [
  'esp.status',
  'transaction.status',
  'card_binding.status',
  'sbp.recipient',
  'transfer.status',
  'gateway.operation',
  'widget.notification',
  'processing.status',
] as const;

/** An event kind. */
export type EventType = (typeof eventTypes)[number];

const known: ReadonlySet<string> = /* @__PURE__ */ new Set(eventTypes);

/** True when `value` is one of the kit's event types. */
export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && known.has(value);
}

/**
 * An event as relayed to browsers over SSE. `id` is also the SSE event id that `Last-Event-ID` resumes from;
 * `data` is validated by whoever knows the `type`.
 */
export const eventEnvelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.unknown().refine((data) => data !== undefined, 'data is required'),
});

/** An event envelope whose payload is `T`. */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  /** ISO 8601 date-time. */
  occurredAt: string;
  data: T;
}
