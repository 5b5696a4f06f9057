/** The string whose sha256 (lowercase hex) goes in the middle of an X-Auth header. */
export function xAuthBase(merchantId: string, requestId: string, secret: string): string {
  return `${merchantId}-${requestId}-${secret}`;
}

/** The X-Auth header of Mandarin's classic API: `{merchantId}-{sha256 hex}-{requestId}`. */
export function formatXAuth(merchantId: string, hashHex: string, requestId: string): string {
  return `${merchantId}-${hashHex}-${requestId}`;
}

/** The parts of an X-Auth header; `hash` is lowercase hex. */
export interface XAuthParts {
  merchantId: string;
  hash: string;
  requestId: string;
}

// The merchant id has no `-` and the hash is exactly 64 hex digits, so the first `-` ends the merchant id and
// everything after the hash belongs to the request id, dashes included.
const X_AUTH = /^([^-\s]+)-([0-9a-fA-F]{64})-(\S+)$/;

/** Splits an X-Auth header into its parts; null when it is malformed. */
export function parseXAuth(header: string): XAuthParts | null {
  const m = X_AUTH.exec(header);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { merchantId: m[1], hash: m[2].toLowerCase(), requestId: m[3] };
}
