import { createHash, createHmac } from 'node:crypto';
import { safeEqual } from '@mandarin-kit/core';
import { CallbackRefused } from './types.js';

/** sha256 hex of a string. */
export const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/** HMAC of a string with a key, in the requested encoding. */
export function hmac(
  algorithm: 'sha256' | 'sha512',
  key: string | Buffer,
  data: string | Buffer,
  encoding: 'hex' | 'base64',
) {
  return createHmac(algorithm, key).update(data).digest(encoding);
}

/** Parses an application/x-www-form-urlencoded body into fields, refusing repeated keys (ambiguous to sign). */
export function parseForm(raw: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (Object.hasOwn(fields, key)) throw new CallbackRefused(400, `Field ${key} appears twice`);
    fields[key] = value;
  }
  return fields;
}

/** The query string of `url` as fields, refusing repeated keys as the form body does. */
export function parseQuery(url: string): Record<string, string> {
  const at = url.indexOf('?');
  return parseForm(at === -1 ? '' : url.slice(at + 1));
}

/** Refuses a callback from outside the allow-list (an empty list allows any source). */
export function requireSource(sourceIp: string, allowed: readonly string[]): void {
  if (allowed.length === 0) return;
  const ip = sourceIp.startsWith('::ffff:') ? sourceIp.slice(7) : sourceIp;
  if (!allowed.includes(ip)) throw new CallbackRefused(403, 'Callback from an address that is not allowed');
}

/** Refuses unless the secret path token matches. */
export function requireToken(given: string | undefined, expected: string): void {
  if (given === undefined || !safeEqual(given, expected))
    throw new CallbackRefused(401, 'Unknown callback path');
}
