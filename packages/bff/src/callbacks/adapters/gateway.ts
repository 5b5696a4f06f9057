import { bankGatewayCallbackSchema, bankGatewayChecksumBase, safeEqual } from '@mandarin-kit/core';
import { type CallbackAdapter, CallbackRefused, textAck } from '../types.js';
import { hmac, parseForm, parseQuery } from '../verify.js';

/** Bank gateway options: the checksum key turns the (otherwise optional) checksum into a requirement. */
export interface GatewayOptions {
  checksumKey?: string;
  /** A custom header the gateway was asked to send, e.g. `{ name: 'authorization', value: 'token' }`. */
  header?: { name: string; value: string };
}

/**
 * Bank gateway callbacks (seed callbacks-bank-gateway): GET query or POST form; `checksum` is HMAC-SHA256 over
 * the other parameters but `sign_alias`, sorted by name as `name;value;`, uppercase hex; (mdOrder, operation,
 * status) dedupes. A repeated parameter is refused: which of its values was signed is anyone's guess.
 */
export function gatewayAdapter(options: GatewayOptions): CallbackAdapter {
  return {
    provider: 'gateway',
    accept(request) {
      if (options.header !== undefined) {
        const given = request.headers[options.header.name.toLowerCase()];
        if (given === undefined || !safeEqual(given, options.header.value)) {
          throw new CallbackRefused(401, 'Missing or wrong gateway header');
        }
      }
      const raw = request.rawBody.toString('utf8');
      const params = request.method === 'GET' || raw.trim() === '' ? parseQuery(request.url) : parseForm(raw);
      if (options.checksumKey !== undefined) {
        if (typeof params.checksum !== 'string') throw new CallbackRefused(401, 'Missing checksum');
        const expected = hmac(
          'sha256',
          options.checksumKey,
          bankGatewayChecksumBase(params),
          'hex',
        ).toUpperCase();
        if (!safeEqual(params.checksum.toUpperCase(), expected))
          throw new CallbackRefused(401, 'Bad checksum');
      }
      const parsed = bankGatewayCallbackSchema.safeParse(params);
      if (!parsed.success) throw new CallbackRefused(400, 'Malformed gateway callback');
      const g = parsed.data;
      const status = g.status ?? '';
      const { checksum: _checksum, ...payload } = params;
      return {
        dedupeKey: `${g.mdOrder}:${g.operation}:${status}`,
        payload,
        ack: textAck('OK'),
        callback: {
          kind: 'provider',
          provider: 'gateway',
          type: g.operation,
          reference: g.mdOrder,
          status: status === '1' ? 'success' : status === '0' ? 'failure' : g.operation,
          orderReference: g.orderNumber ?? null,
          details: { operation: g.operation, orderNumber: g.orderNumber ?? '' },
        },
      };
    },
  };
}
