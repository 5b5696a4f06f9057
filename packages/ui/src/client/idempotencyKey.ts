/**
 * A fresh `Idempotency-Key` (a UUID: 36 characters of `[0-9a-f-]`). One per user action; a retry of the same
 * action sends the same key again.
 */
export function createIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  // Each x is one byte in hex: 8-4-4-4-12 digits.
  let i = 0;
  return 'xxxx-xx-xx-xx-xxxxxx'.replace(/x/g, () => bytes[i++]!.toString(16).padStart(2, '0'));
}
