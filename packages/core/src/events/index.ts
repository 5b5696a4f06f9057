export type { CardBindingEvent, EspStatusEvent, ProviderEvent, TransactionStatusEvent } from './eventData.js';
export {
  cardBindingEventSchema,
  espStatusEventSchema,
  providerEventSchema,
  transactionStatusEventSchema,
} from './eventData.js';
export type { EventEnvelope, EventType } from './eventEnvelope.js';
export { eventEnvelopeSchema, eventTypes, isEventType } from './eventEnvelope.js';
