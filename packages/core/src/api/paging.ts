import { z } from 'zod';

/** Page size of a list when the browser names none. */
export const DEFAULT_PAGE_LIMIT = 20;
/** The largest page a list serves. */
export const MAX_PAGE_LIMIT = 100;

/** `?limit=`: a whole number from 1 to {@link MAX_PAGE_LIMIT}, {@link DEFAULT_PAGE_LIMIT} when absent. */
export const pageLimitSchema = z
  .string()
  .regex(/^\d{1,6}$/, { error: 'Must be a whole number' })
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_PAGE_LIMIT))
  .optional()
  .transform((n) => n ?? DEFAULT_PAGE_LIMIT);

/** `?cursor=`: the `nextCursor` of the page before, opaque to the browser (base64url). */
export const pageCursorSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'Must be a nextCursor this list gave' });

/**
 * `?from=` / `?to=`: a date-time with its offset (`2026-12-04T00:00:00+03:00`), read as the instant it names
 * (UTC ISO out, the form the store keeps). `from` is inclusive, `to` exclusive, so that consecutive periods
 * never share a row.
 */
export const instantQuerySchema = z.iso
  .datetime({ offset: true, error: 'Must be a date-time with an offset, such as 2026-12-04T00:00:00+03:00' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'Must be a date-time that exists' })
  .transform((s) => new Date(s).toISOString());

/** `?kind=a,b`: one value or several, comma-separated, each one of `values`. */
export function csvListQuery<T extends string>(values: z.ZodType<T, string>) {
  return z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(values).min(1));
}

/** The period and paging every list query takes: `from` inclusive, `to` exclusive, `cursor` from the page before. */
export const periodPageQueryShape = {
  from: instantQuerySchema
    .describe('Inclusive: a date-time with its offset, such as 2026-12-04T00:00:00+03:00')
    .optional(),
  to: instantQuerySchema.describe('Exclusive: a date-time with its offset').optional(),
  cursor: pageCursorSchema.describe('The `nextCursor` of the page before').optional(),
  limit: pageLimitSchema.describe(`Rows per page, 1 to ${MAX_PAGE_LIMIT} (default ${DEFAULT_PAGE_LIMIT})`),
};
