import { createHash } from 'node:crypto';
import { formatXAuth, parseXAuth, safeEqual, xAuthBase } from '@mandarin-kit/core';

/** The `X-Auth` header Mandarin expects: `{merchantId}-{sha256hex(merchantId-requestId-secret)}-{requestId}`. */
export function computeXAuth(merchantId: string, requestId: string, secret: string): string {
  const hash = createHash('sha256')
    .update(xAuthBase(merchantId, requestId, secret), 'utf8')
    .digest('hex');
  return formatXAuth(merchantId, hash, requestId);
}

/** Verifies an `X-Auth` header for the configured merchant, comparing the hash in constant time. */
export function verifyXAuth(header: string, merchantId: string, secret: string): boolean {
  const parts = parseXAuth(header.trim());
  if (!parts) return false;
  const expected = createHash('sha256')
    .update(xAuthBase(merchantId, parts.requestId, secret), 'utf8')
    .digest('hex');
  // Compare the hash whatever the merchant id, so timing says nothing about which part was wrong.
  const hashOk = safeEqual(parts.hash, expected);
  return hashOk && parts.merchantId === merchantId;
}
