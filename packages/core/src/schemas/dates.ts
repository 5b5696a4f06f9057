import { z } from 'zod';
import { isIsoDate } from '../kyc/isoDate.js';

const isoDateTime = z.iso.datetime({ offset: true });

/** True for an ISO 8601 date-time with `Z` or an offset whose date part is a real calendar day. */
export function isIsoDateTime(s: string): boolean {
  return isoDateTime.safeParse(s).success && isIsoDate(s.slice(0, 10));
}

// The schemas below are marked pure so that a bundle that only needs `isIsoDateTime` (the browser's KYC form)
// leaves them out: a bundler must otherwise assume that a call at the top of a module has side effects.

/** `YYYY-MM-DD`, a real calendar day. */
export const isoDateSchema = /* @__PURE__ */ z
  .string()
  .refine(isIsoDate, 'Must be a date in YYYY-MM-DD format');

/** A calendar day written either as `YYYY-MM-DD` or as an ISO date-time (`2002-04-24T15:23:14.969Z`). */
export const isoDateOrDateTimeSchema = /* @__PURE__ */ z
  .string()
  .refine((v) => isIsoDate(v) || isIsoDateTime(v), 'Must be a date (YYYY-MM-DD) or an ISO date-time');

/**
 * A timestamp from an upstream: ISO 8601, with or without an offset, any fraction precision
 * (ESP sends seven digits: `2026-03-16T10:00:36.0018804Z`).
 */
export const upstreamTimestampSchema = /* @__PURE__ */ z.iso.datetime({ offset: true, local: true });
