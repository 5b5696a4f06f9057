import http from 'node:http';
import https from 'node:https';

/** One outgoing HTTP request (a callback, a webhook). */
export interface OutgoingRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the receiver answered. */
export interface OutgoingResponse {
  status: number;
  body: string;
}

/** Network timeout for one delivery attempt; not scaled, since it guards against a stuck receiver. */
const TIMEOUT_MS = 10_000;

/**
 * Sends a request with node:http rather than fetch: callbacks need exact control over headers that
 * fetch implementations may refuse or rewrite (`X-Forwarded-For`, odd `Content-Type`s) and over the raw
 * body bytes that signatures cover.
 */
export function sendRequest(request: OutgoingRequest, signal?: AbortSignal): Promise<OutgoingResponse> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      reject(new Error(`Invalid URL ${request.url}`));
      return;
    }
    const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!transport) {
      reject(new Error(`Unsupported protocol ${url.protocol}`));
      return;
    }
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string | number> = { ...request.headers };
    if (body) headers['content-length'] = body.length;
    const req = transport.request(url, { method: request.method, headers, timeout: TIMEOUT_MS, signal });
    req.on('timeout', () => req.destroy(new Error(`Timed out after ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 4096) }),
      );
    });
    req.end(body);
  });
}
