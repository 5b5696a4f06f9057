import type { SqlDriver } from './SqlDriver.js';

/** Expired counters are deleted after this many hits on one instance. */
const PRUNE_EVERY = 500;

/** Fixed-window counters kept in the database, so that every BFF instance on it shares the same limits. */
export class RateLimitTable {
  private hitsSincePrune = 0;

  constructor(private readonly db: SqlDriver) {}

  /** Counts one hit on `key` in the window that contains `now`; returns the count and when the window ends. */
  async hit(key: string, windowMs: number, now = Date.now()): Promise<{ count: number; resetAt: number }> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const resetAt = windowStart + windowMs;
    if (++this.hitsSincePrune >= PRUNE_EVERY) {
      this.hitsSincePrune = 0;
      await this.prune(now);
    }
    const rows = await this.db.all(
      `INSERT INTO rate_limits (key, window_start, count, expires_at) VALUES (?, ?, 1, ?)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
          window_start = excluded.window_start,
          expires_at = excluded.expires_at
        RETURNING count`,
      [key, windowStart, resetAt],
    );
    return { count: Number(rows[0]?.count ?? 1), resetAt };
  }

  /** Deletes counters whose window has ended; returns how many. */
  async prune(now = Date.now()): Promise<number> {
    const { changes } = await this.db.run('DELETE FROM rate_limits WHERE expires_at <= ?', [now]);
    return changes;
  }
}
