/**
 * Compares two strings (signatures, hashes, secrets) in time that does not depend on where they differ, so
 * response timing reveals nothing about the expected value. A length difference returns early: lengths are not
 * secret. Plain code-unit arithmetic instead of `node:crypto`'s `timingSafeEqual`, so that core stays free of
 * Node built-ins and the BFF and the emulator share this one copy.
 */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
