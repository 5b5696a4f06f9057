/** An OAuth access token and when to stop using it. */
export interface CachedToken {
  accessToken: string;
  /** Epoch ms after which the token is renewed before use (a margin before Mandarin's `expires_in`). */
  renewAt: number;
  scopes: readonly string[];
}

/** How to get a fresh token: one `client_credentials` request. */
export type TokenFetcher = () => Promise<{
  accessToken: string;
  expiresIn: number;
  scopes: readonly string[];
}>;

/**
 * Caches the client_credentials token until shortly before it expires and keeps at most one token request
 * in flight, whatever the number of concurrent callers (single flight).
 */
export class TokenCache {
  private current: CachedToken | undefined;
  private inflight: Promise<CachedToken> | undefined;

  constructor(
    private readonly fetchToken: TokenFetcher,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached token if it is still valid, without waiting for anything (the hot path of every call). */
  peek(): CachedToken | undefined {
    return this.current !== undefined && this.now() < this.current.renewAt ? this.current : undefined;
  }

  /** A valid token: the cached one, or the result of the one renewal already under way, or a new one. */
  get(): Promise<CachedToken> {
    if (this.current !== undefined && this.now() < this.current.renewAt) return Promise.resolve(this.current);
    return this.renew();
  }

  /**
   * Renews after Mandarin refused `rejected` with a 401. Callers that saw the same token refused share one
   * renewal; a caller whose token was already replaced just gets the replacement.
   */
  invalidate(rejected: string): Promise<CachedToken> {
    if (this.current !== undefined && this.current.accessToken !== rejected)
      return Promise.resolve(this.current);
    this.current = undefined;
    return this.renew();
  }

  private renew(): Promise<CachedToken> {
    if (this.inflight === undefined) {
      this.inflight = this.fetchToken()
        .then(({ accessToken, expiresIn, scopes }) => {
          // Renew a minute early, or at 90% of a short lifetime, so no call ever carries an expiring token.
          const marginMs = Math.min(60_000, expiresIn * 100);
          this.current = { accessToken, scopes, renewAt: this.now() + expiresIn * 1000 - marginMs };
          return this.current;
        })
        .finally(() => {
          this.inflight = undefined;
        });
    }
    return this.inflight;
  }
}
