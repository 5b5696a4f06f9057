export type { EventEnvelope, EventType } from './eventEnvelope.js';
export { eventEnvelopeSchema, eventTypes, isEventType } from './eventEnvelope.js';
