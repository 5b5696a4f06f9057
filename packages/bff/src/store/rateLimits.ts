import type { SqlDriver } from './SqlDriver.js';

/** Fixed-window counters kept in the database, so that every BFF instance on it shares the same limits. */
export class RateLimitTable {
  constructor(private readonly db: SqlDriver) {}

  /** Counts one hit on `key` in the window that contains `now`; returns the count and when the window ends. */
  async hit(key: string, windowMs: number, now = Date.now()): Promise<{ count: number; resetAt: number }> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const rows = await this.db.all(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
          window_start = excluded.window_start
        RETURNING count`,
      [key, windowStart],
    );
    return { count: Number(rows[0]?.count ?? 1), resetAt: windowStart + windowMs };
  }
}
