import { transferStatusCallbackSchema } from '@mandarin-kit/core';
import { type CallbackAdapter, CallbackRefused, textAck } from '../types.js';
import { parseForm, requireSource, requireToken } from '../verify.js';

/**
 * Wallet transfer status callbacks (seed callbacks-transfer-statuses): a form POST, unsigned, so a secret path
 * token and an optional allow-list authenticate it; any 2xx acknowledges; (transfer_id, status) dedupes.
 */
export function transfersAdapter(options: { token: string; allowedIps: readonly string[] }): CallbackAdapter {
  return {
    provider: 'transfers',
    accept(request) {
      requireToken(request.params.token, options.token);
      requireSource(request.sourceIp, options.allowedIps);
      const parsed = transferStatusCallbackSchema.safeParse(parseForm(request.rawBody.toString('utf8')));
      if (!parsed.success) throw new CallbackRefused(400, 'Malformed transfer callback');
      const t = parsed.data;
      return {
        dedupeKey: `${t.transfer_id}:${t.status}`,
        payload: { ...t },
        ack: textAck('OK'),
        callback: {
          kind: 'provider',
          provider: 'transfers',
          type: 'transfer',
          reference: t.transfer_id,
          status: t.status,
          orderReference: null,
          details: { date: t.date },
        },
      };
    },
  };
}
