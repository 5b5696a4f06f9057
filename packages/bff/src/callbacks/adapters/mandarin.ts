import { mandarinCallbackSchema, mandarinSignatureBase, safeEqual } from '@mandarin-kit/core';
import { type CallbackAdapter, CallbackRefused, textAck } from '../types.js';
import { parseForm, parseQuery, sha256Hex } from '../verify.js';

/**
 * Mandarin transaction (and card binding) callbacks: a form body, or the query string as one public
 * integration sends them; `sign` = sha256 over every other field sorted by key in ordinal order, joined with
 * `-`, plus `-secret`, compared in constant time. The reply that acknowledges is `200 OK`.
 */
export function mandarinAdapter(secret: string): CallbackAdapter {
  return {
    provider: 'mandarin',
    accept(request) {
      const raw = request.rawBody.toString('utf8');
      const fields = raw.trim() === '' ? parseQuery(request.url) : parseForm(raw);
      if (typeof fields.sign !== 'string') throw new CallbackRefused(401, 'Missing sign');
      const expected = sha256Hex(mandarinSignatureBase(fields, secret));
      if (!safeEqual(fields.sign.toLowerCase(), expected)) throw new CallbackRefused(401, 'Bad sign');
      const parsed = mandarinCallbackSchema.safeParse(fields);
      if (!parsed.success) throw new CallbackRefused(400, 'Malformed Mandarin callback');
      const f = parsed.data;
      const status = f.status === 'success' || f.status === 'failed' ? f.status : null;
      const objectType = f.object_type === 'card_binding' ? 'card_binding' : 'transaction';
      const subject =
        objectType === 'card_binding' ? (f.card_binding ?? f.transaction) : (f.transaction ?? f.orderId);
      if (subject === undefined || subject === '')
        throw new CallbackRefused(400, 'Callback names no transaction');
      const { sign: _sign, ...payload } = fields;
      return {
        dedupeKey: `${objectType}:${subject}:${f.status ?? ''}`,
        payload,
        ack: textAck('OK'),
        callback: {
          kind: 'transaction',
          objectType,
          orderId: f.orderId ?? null,
          transactionId: f.transaction ?? null,
          status,
          reportedStatus: f.status ?? null,
          // The reason of a failure (an emulator assumption: Mandarin documents none in callbacks).
          failure:
            status === 'failed' && f.error !== undefined && f.error !== ''
              ? { code: f.error_code ?? null, message: f.error }
              : null,
          card:
            objectType === 'card_binding'
              ? {
                  bindingId: subject,
                  masked: f.card_number ?? null,
                  holder: f.card_holder ?? null,
                  month: f.card_expiration_month ?? null,
                  year: f.card_expiration_year ?? null,
                }
              : null,
        },
      };
    },
  };
}
