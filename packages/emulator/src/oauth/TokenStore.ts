import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock/Clock.js';

/** An issued access token. */
export interface AccessToken {
  token: string;
  scopes: string[];
  expiresAt: number;
}

/** Why a bearer token was refused. */
export type TokenCheck =
  | { ok: true; token: AccessToken }
  | { ok: false; status: 401 | 403; error: string; description: string };

/** Issued access tokens, their scopes and expiry (read from the emulated clock). */
export class TokenStore {
  readonly #tokens = new Map<string, AccessToken>();

  constructor(private readonly clock: Clock) {}

  issue(scopes: string[], ttlSeconds: number): AccessToken {
    const token: AccessToken = {
      token: randomBytes(24).toString('hex'),
      scopes,
      expiresAt: this.clock.now() + ttlSeconds * 1000,
    };
    this.#tokens.set(token.token, token);
    return token;
  }

  /** Checks an `Authorization` header value for a live token carrying `scope`. */
  check(authorization: string, scope: string): TokenCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) {
      return { ok: false, status: 401, error: 'invalid_token', description: 'Bearer token required' };
    }
    const token = this.#tokens.get(match[1]!);
    if (!token)
      return { ok: false, status: 401, error: 'invalid_token', description: 'Unknown access token' };
    if (token.expiresAt <= this.clock.now()) {
      return { ok: false, status: 401, error: 'invalid_token', description: 'Access token expired' };
    }
    if (!token.scopes.includes(scope)) {
      return {
        ok: false,
        status: 403,
        error: 'insufficient_scope',
        description: `This call requires the scope ${scope}`,
      };
    }
    return { ok: true, token };
  }

  /** Makes every issued token expired, so the next call with one gets a 401 (admin, refresh tests). */
  expireAll(): number {
    const now = this.clock.now();
    for (const token of this.#tokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
    return this.#tokens.size;
  }

  reset(): void {
    this.#tokens.clear();
  }
}
