/** What a processing callback or request signature covers. */
export interface ProcessingSignatureInput {
  /** `X-Processing-Timestamp`, milliseconds. */
  timestamp: string | number;
  /** `X-Processing-RecvWindow`, milliseconds; only part of the data when the header is sent. */
  recvWindow?: string | number | undefined;
  method: string;
  /** The request target: a path with its query, or an absolute URL whose origin is dropped. */
  url: string;
  /** The raw body exactly as received; re-serialised JSON would not match. */
  body: string;
}

const ORIGIN = /^[a-zA-Z][a-zA-Z\d+.-]*:\/\/[^/?#]*/;

/** The relative URL (path and query, no origin, no fragment) a processing signature covers. */
export function relativeUrl(url: string): string {
  const withoutOrigin = url.replace(ORIGIN, '');
  const withoutFragment = withoutOrigin.split('#', 1)[0] ?? '';
  return withoutFragment.startsWith('/') ? withoutFragment : `/${withoutFragment}`;
}

/**
 * The data a processing `X-Processing-Signature` (base64 HMAC-SHA512) is computed over: timestamp, recvWindow
 * when sent, upper-case method, relative URL and raw body, concatenated with no separator.
 */
export function processingSignatureBase(input: ProcessingSignatureInput): string {
  const recvWindow = input.recvWindow === undefined ? '' : String(input.recvWindow);
  return `${input.timestamp}${recvWindow}${input.method.toUpperCase()}${relativeUrl(input.url)}${input.body}`;
}
