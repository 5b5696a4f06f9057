import { processingCallbackSchema, processingSignatureBase, safeEqual } from '@mandarin-kit/core';
import { type CallbackAdapter, CallbackRefused, textAck } from '../types.js';
import { hmac } from '../verify.js';

/** Signed JSON processing options. */
export interface ProcessingOptions {
  /** The active public API key `X-Processing-Key` must name. */
  publicKey: string;
  /** The secret, base64 as issued; decoded before it keys the HMAC. */
  secret: string;
  /** Used when the callback sends no `X-Processing-RecvWindow`; ms. */
  defaultRecvWindowMs: number;
}

/**
 * Signed JSON processing callbacks (seed callbacks-signed-json-processing): the key must be the active one, the
 * timestamp within the receive window of now, and the signature base64 HMAC-SHA512 over timestamp, window (when
 * sent), method, relative URL and raw body. A repeat of (type, id, status) gets the same reply.
 */
export function processingAdapter(options: ProcessingOptions): CallbackAdapter {
  const key = Buffer.from(options.secret, 'base64');
  return {
    provider: 'processing',
    accept(request) {
      const h = request.headers;
      const publicKey = h['x-processing-key'];
      const timestamp = h['x-processing-timestamp'];
      const signature = h['x-processing-signature'];
      const recvWindow = h['x-processing-recvwindow'];
      if (publicKey === undefined || !safeEqual(publicKey, options.publicKey)) {
        throw new CallbackRefused(401, 'Unknown X-Processing-Key');
      }
      if (timestamp === undefined || !/^\d{1,16}$/.test(timestamp))
        throw new CallbackRefused(401, 'Bad X-Processing-Timestamp');
      if (recvWindow !== undefined && !/^\d{1,9}$/.test(recvWindow))
        throw new CallbackRefused(401, 'Bad X-Processing-RecvWindow');
      const window = recvWindow === undefined ? options.defaultRecvWindowMs : Number(recvWindow);
      if (Math.abs(request.now - Number(timestamp)) > window)
        throw new CallbackRefused(401, 'Stale callback');
      const body = request.rawBody.toString('utf8');
      const data = processingSignatureBase({
        timestamp,
        recvWindow,
        method: request.method,
        url: request.url,
        body,
      });
      if (signature === undefined || !safeEqual(signature, hmac('sha512', key, data, 'base64'))) {
        throw new CallbackRefused(401, 'Bad X-Processing-Signature');
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new CallbackRefused(400, 'Callback body is not JSON');
      }
      const parsed = processingCallbackSchema.safeParse(json);
      if (!parsed.success) throw new CallbackRefused(400, 'Malformed processing callback');
      const p = parsed.data;
      return {
        dedupeKey: `${p.type}:${p.id}:${p.status}`,
        payload: p,
        ack: textAck('OK'),
        callback: {
          kind: 'provider',
          provider: 'processing',
          type: String(p.type),
          reference: String(p.id),
          status: String(p.status),
          orderReference: null,
          details: { type: String(p.type) },
        },
      };
    },
  };
}
