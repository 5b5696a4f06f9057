import { z } from 'zod';

// Apart from eventData.ts, whose payloads the browser parses: no browser bundle needs this one.

/** Events from the other providers: who sent it, its dedupe identity and status, and the normalised fields. */
export const providerEventSchema = z.object({
  provider: z.enum(['transfers', 'gateway', 'widget', 'processing']),
  reference: z.string(),
  status: z.string(),
  details: z.record(z.string(), z.string()),
});
/** Payload of `transfer.status`, `gateway.operation`, `widget.notification` and `processing.status`. */
export type ProviderEvent = z.infer<typeof providerEventSchema>;
