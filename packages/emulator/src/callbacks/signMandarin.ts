import { createHash } from 'node:crypto';
import { mandarinSignatureBase } from '@mandarin-kit/core';

/** `sign` of a callback: sha256 (lowercase hex) of core's `mandarinSignatureBase`. */
export function signMandarinFields(fields: Record<string, string>, secret: string): string {
  return createHash('sha256').update(mandarinSignatureBase(fields, secret), 'utf8').digest('hex');
}
