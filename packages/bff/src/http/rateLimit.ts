import type { Store } from '../store/Store.js';
import { BffError } from './BffError.js';

/** A limit: at most `max` hits per `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

/** Counts a hit on each key and refuses with 429 and `Retry-After` once any of them is over its limit. */
export async function enforceLimits(
  store: Store,
  hits: ReadonlyArray<{ key: string; limit: Limit }>,
): Promise<void> {
  const now = Date.now();
  for (const { key, limit } of hits) {
    const { count, resetAt } = await store.rateLimits.hit(key, limit.windowMs, now);
    if (count > limit.max) {
      const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
      throw new BffError(429, 'RATE_LIMITED', `Too many attempts; try again in ${retryAfter} s`, {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
  }
}
