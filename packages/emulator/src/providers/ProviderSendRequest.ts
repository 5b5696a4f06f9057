import { z } from 'zod';

const stringRecord = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));

/** Body of `POST /__emulator/send/{provider}`: where to send, what to override, how to misbehave. */
export const providerSendRequestSchema = z.object({
  /** The receiver (the BFF's callback route for that provider). */
  url: z.url(),
  /** Fields merged over the provider's default payload. */
  payload: stringRecord.optional(),
  /** Sign with a wrong key, to test that the receiver refuses. */
  badSignature: z.boolean().optional(),
  /** Override the provider's attempt count (first attempt included). */
  maxAttempts: z.int().min(1).max(50).optional(),
  /** Override the provider's retry interval (nominal seconds, scaled by timeScale). */
  intervalSeconds: z.number().min(0).optional(),
  /** gateway: GET with a query string (default) or POST with a form body. */
  method: z.enum(['GET', 'POST']).optional(),
  /** gateway: add `checksum` (default true). */
  checksum: z.boolean().optional(),
  /** gateway: custom headers, e.g. `{"Authorization": "token"}`. */
  headers: z.record(z.string(), z.string()).optional(),
  /** widget: which notification (default pay). */
  type: z.enum(['check', 'pay', 'fail', 'recurrent']).optional(),
  /** processing: shift `X-Processing-Timestamp` (ms) to test stale callbacks. */
  timestampOffsetMs: z.int().optional(),
  /** processing: `X-Processing-RecvWindow` in ms (default 5000); null leaves the header out. */
  recvWindow: z.int().positive().nullable().optional(),
});
/** Parsed sender options. */
export type ProviderSendRequest = z.infer<typeof providerSendRequestSchema>;
