import http from 'node:http';
import https from 'node:https';

/** What came back from upstream: status and body text (bodies are small JSON documents). */
export interface UpstreamResponse {
  status: number;
  text: string;
}

/** One HTTP exchange with Mandarin. Injectable so tests or hosts can route it elsewhere. */
export type Transport = (
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number },
) => Promise<UpstreamResponse>;

/** Past this, an answer is not a Mandarin JSON document but a fault; it is cut off rather than buffered. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/**
 * node:http(s) with keep-alive agents: on the hot path it costs a fraction of `fetch`. A timeout destroys
 * the attempt with a `TimeoutError`; connection failures keep their `code` (ECONNREFUSED means nothing was sent).
 */
export const nodeTransport: Transport = (url, init) =>
  new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const headers =
      init.body === undefined
        ? init.headers
        : { ...init.headers, 'content-length': Buffer.byteLength(init.body) };
    const request = client.request(
      url,
      { method: init.method, headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            response.destroy(new Error('upstream answer too large'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    // One timer for the whole exchange (cheaper than an AbortSignal per call); it destroys the request.
    const timer = setTimeout(() => {
      const timeout = new Error(`upstream did not answer within ${init.timeoutMs} ms`);
      timeout.name = 'TimeoutError';
      request.destroy(timeout);
    }, init.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (init.body !== undefined) request.write(init.body);
    request.end();
  });
