import { compareOrdinal } from './compareOrdinal.js';

/**
 * The string whose sha256 (lowercase hex) is a Mandarin callback's `sign`: every field but `sign`, ordered by
 * key in code-unit order, values joined by `-`, then `-` and the secret. Empty values and unknown keys count;
 * nothing is trimmed.
 */
export function mandarinSignatureBase(fields: Record<string, string>, secret: string): string {
  const values = Object.keys(fields)
    .filter((key) => key !== 'sign')
    .sort(compareOrdinal)
    .map((key) => fields[key]);
  return `${values.join('-')}-${secret}`;
}
