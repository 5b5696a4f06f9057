import { createHash } from 'node:crypto';
import type { Context } from 'koa';
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
  // In order, most specific first: a caller refused by its own limit doesn't use up a shared one.
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

/** The key of a phone number's counter: a digest, so that the table holds no phone numbers. */
export function phoneKey(kind: string, phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${kind}:p:${createHash('sha256').update(digits).digest('base64url')}`;
}

/** The key of a client address's counter (see `proxyAwareness`). */
export function addressKey(kind: string, ctx: Context): string {
  return `${kind}:a:${String(ctx.state.clientIp ?? '')}`;
}

/** Problems with configured limits, one line each (`name: …`); none means they are usable. */
export function limitProblems(limits: Record<string, Limit>): string[] {
  const problems: string[] = [];
  for (const [name, limit] of Object.entries(limits)) {
    if (!Number.isSafeInteger(limit.max) || limit.max < 1)
      problems.push(`${name}: max must be a whole number ≥ 1`);
    if (!Number.isSafeInteger(limit.windowMs) || limit.windowMs < 1000)
      problems.push(`${name}: windowMs must be a whole number of milliseconds ≥ 1000`);
  }
  return problems;
}

/** `5/1h`, `200/10m`, `3/1d`, `10/30s`: a limit as the environment writes it. */
export function parseLimit(text: string): Limit | undefined {
  const match = /^(\d{1,9})\/(\d{1,6})(s|m|h|d)$/.exec(text.trim());
  if (match === null) return undefined;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[3] as 's' | 'm' | 'h' | 'd'];
  return { max: Number(match[1]), windowMs: Number(match[2]) * unit };
}
