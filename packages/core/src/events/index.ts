export type { CardBindingEvent, EspStatusEvent, TransactionStatusEvent } from './eventData.js';
export {
  cardBindingEventSchema,
  espStatusEventSchema,
  transactionStatusEventSchema,
} from './eventData.js';
export type { EventEnvelope, EventType } from './eventEnvelope.js';
export { eventEnvelopeSchema, eventTypes, isEventType } from './eventEnvelope.js';
export type { ProviderEvent } from './providerEvent.js';
export { providerEventSchema } from './providerEvent.js';
