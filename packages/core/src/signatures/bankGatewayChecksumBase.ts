import { compareOrdinal } from './compareOrdinal.js';

/**
 * The data a bank gateway's `checksum` (HMAC-SHA256, uppercase hex) is computed over: every parameter but
 * `checksum` and `sign_alias` (which names the algorithm and is not signed), ordered by name in code-unit
 * order, each written as `name;value;`.
 */
export function bankGatewayChecksumBase(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== 'checksum' && name !== 'sign_alias')
    .sort(compareOrdinal)
    .map((name) => `${name};${params[name]};`)
    .join('');
}
