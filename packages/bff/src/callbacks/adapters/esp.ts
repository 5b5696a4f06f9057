import { espWebhookSchema } from '@mandarin-kit/core';
import { type CallbackAdapter, CallbackRefused, textAck } from '../types.js';
import { requireSource, requireToken } from '../verify.js';

/**
 * ESP status webhooks: JSON `{event_id, payment_token_id, status, created_at}`. Mandarin does not sign them,
 * so they are authenticated by a secret path token and, optionally, the sender's address; `event_id` dedupes.
 */
export function espAdapter(options: { token: string; allowedIps: readonly string[] }): CallbackAdapter {
  return {
    provider: 'esp',
    accept(request) {
      requireToken(request.params.token, options.token);
      requireSource(request.sourceIp, options.allowedIps);
      let json: unknown;
      try {
        json = JSON.parse(request.rawBody.toString('utf8'));
      } catch {
        throw new CallbackRefused(400, 'Webhook body is not JSON');
      }
      const parsed = espWebhookSchema.safeParse(json);
      if (!parsed.success) throw new CallbackRefused(400, 'Malformed ESP webhook');
      const w = parsed.data;
      return {
        dedupeKey: w.event_id,
        payload: w,
        ack: textAck('OK'),
        callback: {
          kind: 'esp',
          paymentTokenId: w.payment_token_id.toLowerCase(),
          status: w.status,
          createdAt: w.created_at,
          eventId: w.event_id,
        },
      };
    },
  };
}
