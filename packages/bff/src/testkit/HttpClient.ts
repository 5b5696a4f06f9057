import { randomUUID } from 'node:crypto';
import { checkContract } from './checkContract.js';

/** What a call returned. */
export interface Reply {
  status: number;
  body: any;
  headers: Headers;
  text: string;
}

/**
 * A minimal browser stand-in: a cookie jar, `X-CSRF: 1` and JSON, with a fresh Idempotency-Key per call. Every
 * answer under `/api` is checked against the browser API's route table (`checkContract`): an answer the table
 * does not declare for its route throws, so every test that calls the BFF through it exercises the contract.
 */
export class HttpClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  /** The session cookie, for clients that are not fetch (SSE). */
  get cookieHeader(): string {
    return this.cookie;
  }

  /** Shares `other`'s session: the same user, talking to another BFF instance. */
  withCookieOf(other: HttpClient): this {
    this.cookie = other.cookie;
    return this;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.request('GET', path, undefined, headers);
  }

  post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return this.request('POST', path, body, { 'idempotency-key': randomUUID(), ...headers });
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { 'x-csrf': '1' }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const reply = { status: response.status, body: parsed, headers: response.headers, text };
    checkContract(method, new URL(`${this.baseUrl}${path}`), reply);
    return reply;
  }
}
