import { randomInt } from 'node:crypto';
import type { DeliveryPlan } from '../callbacks/Delivery.js';
import type { ProviderPlanDeps } from './ProviderSecrets.js';
import type { ProviderSendRequest } from './ProviderSendRequest.js';

/**
 * Wallet-transfer status callback: form-urlencoded POST `transfer_id=…&status=…&date=…`, unsigned (the
 * receiver authenticates it by a secret path). Any 2xx acknowledges; anything else, 3xx included, is retried.
 */
export function transfersPlan(emulator: ProviderPlanDeps, send: ProviderSendRequest): DeliveryPlan {
  const fields = {
    transfer_id: String(randomInt(100_000_000, 999_999_999)),
    status: 'done',
    date: String(Math.floor(emulator.clock.now() / 1000)),
    ...send.payload,
  };
  const body = new URLSearchParams(fields).toString();
  const maxAttempts = send.maxAttempts ?? 5;
  return {
    channel: 'transfers',
    url: send.url,
    subject: fields.transfer_id,
    build: () => ({
      method: 'POST',
      url: send.url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
    outcome: (response) => (response && response.status >= 200 && response.status < 300 ? 'ack' : 'retry'),
    retryDelaySeconds: (failed) => (failed < maxAttempts ? (send.intervalSeconds ?? 60) : null),
  };
}
