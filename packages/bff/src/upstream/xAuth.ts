import { createHash, randomUUID } from 'node:crypto';

/**
 * The classic API's `X-Auth` header: `{merchantId}-{sha256hex(merchantId-requestId-secret)}-{requestId}`
 * with a fresh request id each time, so a captured header is useless for another request.
 */
export function xAuthHeader(
  merchantId: string,
  secret: string,
  requestId = randomUUID().replaceAll('-', ''),
): string {
  const hash = createHash('sha256').update(`${merchantId}-${requestId}-${secret}`).digest('hex');
  return `${merchantId}-${hash}-${requestId}`;
}
