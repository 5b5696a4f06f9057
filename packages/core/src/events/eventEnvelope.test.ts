import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from './eventEnvelope.js';
import { eventEnvelopeSchema, eventTypes, isEventType } from './eventEnvelope.js';

describe('eventEnvelopeSchema', () => {
  it('accepts an envelope with any data', () => {
    const event: EventEnvelope<{ status: string }> = {
      id: '17',
      type: 'esp.status',
      occurredAt: '2026-03-04T14:44:57.079Z',
      data: { status: 'Success' },
    };
    expect(eventEnvelopeSchema.parse(event)).toEqual(event);
    expect(eventEnvelopeSchema.safeParse({ ...event, data: null }).success).toBe(true);
  });

  it('rejects a missing id, payload or a time that is not ISO 8601', () => {
    const base = { id: '1', type: 'esp.status', occurredAt: '2026-03-04T14:44:57Z', data: {} };
    const { data: _, ...withoutData } = base;
    expect(eventEnvelopeSchema.safeParse(withoutData).success).toBe(false);
    expect(eventEnvelopeSchema.safeParse({ ...base, id: '' }).success).toBe(false);
    expect(eventEnvelopeSchema.safeParse({ ...base, occurredAt: '04.03.2026' }).success).toBe(false);
  });
});

describe('eventTypes', () => {
  it('names one event per source', () => {
    expect(eventTypes).toEqual([
      'esp.status',
      'transaction.status',
      'card_binding.status',
      'sbp.recipient',
      'transfer.status',
      'gateway.operation',
      'widget.notification',
      'processing.status',
    ]);
    expect(isEventType('sbp.recipient')).toBe(true);
    expect(isEventType('sbp')).toBe(false);
  });
});
