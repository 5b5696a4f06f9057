import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { bankGatewayChecksumBase } from '@mandarin-kit/core';
import type { DeliveryPlan } from '../callbacks/Delivery.js';
import type { ProviderPlanDeps } from './ProviderSecrets.js';
import type { ProviderSendRequest } from './ProviderSendRequest.js';

/** `checksum` of a bank gateway callback: HMAC-SHA256 (utf-8 key) over `name;value;` pairs, uppercase hex. */
export function gatewayChecksum(params: Record<string, string>, secret: string): string {
  return createHmac('sha256', secret)
    .update(bankGatewayChecksumBase(params), 'utf8')
    .digest('hex')
    .toUpperCase();
}

/**
 * Bank-gateway callback: parameters in the query (GET, the seed's example) or a form body (POST), an
 * optional `checksum` and optional custom headers. Only 200 acknowledges; 30 s apart, 3 attempts in all.
 */
export function gatewayPlan(emulator: ProviderPlanDeps, send: ProviderSendRequest): DeliveryPlan {
  const params: Record<string, string> = {
    mdOrder: randomUUID(),
    orderNumber: String(randomInt(1000, 999_999)),
    operation: 'deposited',
    status: '1',
    ...send.payload,
  };
  delete params.checksum;
  if (send.checksum ?? true) {
    const secret = send.badSignature ? 'not-the-secret' : emulator.options.providers.gatewaySecret;
    params.checksum = gatewayChecksum(params, secret);
  }
  const encoded = new URLSearchParams(params).toString();
  const method = send.method ?? 'GET';
  const url = method === 'GET' ? `${send.url}${send.url.includes('?') ? '&' : '?'}${encoded}` : send.url;
  const maxAttempts = send.maxAttempts ?? 3;
  return {
    channel: 'gateway',
    url: send.url,
    subject: params.mdOrder,
    build: () => ({
      method,
      url,
      headers: {
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...send.headers,
      },
      ...(method === 'POST' ? { body: encoded } : {}),
    }),
    outcome: (response) => (response?.status === 200 ? 'ack' : 'retry'),
    retryDelaySeconds: (failed) => (failed < maxAttempts ? (send.intervalSeconds ?? 30) : null),
  };
}
