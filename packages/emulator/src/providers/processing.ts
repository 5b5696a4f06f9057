import { createHmac, randomUUID } from 'node:crypto';
import { processingSignatureBase } from '@mandarin-kit/core';
import type { DeliveryPlan } from '../callbacks/Delivery.js';
import type { ProviderPlanDeps } from './ProviderSecrets.js';
import type { ProviderSendRequest } from './ProviderSendRequest.js';

/** `X-Processing-Signature`: base64 HMAC-SHA512, key = the base64-decoded secret. */
export function processingSignature(data: string, secretBase64: string): string {
  return createHmac('sha512', Buffer.from(secretBase64, 'base64')).update(data, 'utf8').digest('base64');
}

/** Seed: retries back off `60 s + n^4` and stop after 10. */
export function processingRetryDelay(failedAttempts: number, maxRetries = 10): number | null {
  return failedAttempts <= maxRetries ? 60 + failedAttempts ** 4 : null;
}

/**
 * Signed JSON processing callback. Each attempt is signed afresh (new timestamp), as the receiver checks
 * it against its clock. Only 5xx (and no answer at all) is retried; 1xx, 3xx and 4xx end the delivery.
 */
export function processingPlan(emulator: ProviderPlanDeps, send: ProviderSendRequest): DeliveryPlan {
  const now = emulator.clock.iso();
  const payload = {
    type: 'payment',
    id: randomUUID(),
    status: 'success',
    amount: '100.00',
    currency: 'RUB',
    created_at: now,
    updated_at: now,
    ...send.payload,
  };
  const body = JSON.stringify(payload);
  const { processingPublicKey, processingSecret } = emulator.options.providers;
  const secret = send.badSignature ? Buffer.from('not-the-secret').toString('base64') : processingSecret;
  const recvWindow = send.recvWindow === null ? undefined : (send.recvWindow ?? 5000);
  const maxRetries = (send.maxAttempts ?? 11) - 1;
  return {
    channel: 'processing',
    url: send.url,
    subject: `${payload.type}:${payload.id}`,
    build: () => {
      const timestamp = String(emulator.clock.now() + (send.timestampOffsetMs ?? 0));
      const data = processingSignatureBase({ timestamp, recvWindow, method: 'POST', url: send.url, body });
      return {
        method: 'POST',
        url: send.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'mandarin-kit-emulator processing',
          'x-processing-key': processingPublicKey,
          'x-processing-timestamp': timestamp,
          ...(recvWindow === undefined ? {} : { 'x-processing-recvwindow': String(recvWindow) }),
          'x-processing-signature': processingSignature(data, secret),
        },
        body,
      };
    },
    outcome: (response) => {
      if (!response || response.status >= 500) return 'retry';
      return response.status >= 200 && response.status < 300 ? 'ack' : 'stop';
    },
    retryDelaySeconds: (failed) => {
      if (send.intervalSeconds === undefined) return processingRetryDelay(failed, maxRetries);
      return failed <= maxRetries ? send.intervalSeconds : null;
    },
  };
}
