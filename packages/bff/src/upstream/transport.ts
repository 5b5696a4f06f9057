import http from 'node:http';
import https from 'node:https';

/** What came back from upstream: status and body text (bodies are small JSON documents). */
export interface UpstreamResponse {
  status: number;
  text: string;
}

/** Where a request goes: an origin parsed once per base URL, and the path with its query. */
export interface UpstreamTarget {
  origin: UpstreamOrigin;
  /** Absolute path, already encoded, with `?query` if any. */
  path: string;
}

/** The parts of a base URL that node:http needs, parsed once instead of on every call. */
export interface UpstreamOrigin {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: string;
}

/** Parses a base URL; only http and https are accepted. */
export function parseOrigin(base: string): UpstreamOrigin {
  const url = new URL(base);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Unsupported upstream protocol ${url.protocol}`);
  }
  // node:http wants an IPv6 literal without its brackets.
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { protocol: url.protocol, hostname, port: url.port };
}

/** One HTTP exchange with Mandarin. Injectable so tests or hosts can route it elsewhere. */
export type Transport = (
  target: UpstreamTarget,
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
export const nodeTransport: Transport = ({ origin, path }, init) =>
  new Promise((resolve, reject) => {
    const client = origin.protocol === 'https:' ? https : http;
    const headers =
      init.body === undefined
        ? init.headers
        : { ...init.headers, 'content-length': Buffer.byteLength(init.body) };
    const request = client.request(
      {
        protocol: origin.protocol,
        hostname: origin.hostname,
        port: origin.port,
        path,
        method: init.method,
        headers,
        agent: agents[origin.protocol],
      },
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
