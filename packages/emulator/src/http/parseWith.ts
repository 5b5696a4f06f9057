import type { z } from 'zod';
import { badRequest, type HttpError } from './HttpError.js';

/**
 * Validates with a zod schema; failure is Mandarin's 400 `{"error": ...}` with a readable message and
 * the field paths, so a client developer sees what to fix.
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidRequest('Invalid request', result.error.issues);
}

/**
 * The 400 for a request with these zod issues: `{"error": "<prefix>: <the first five>", "issues": [...]}`,
 * each issue as `{path, message}`.
 */
export function invalidRequest(prefix: string, zodIssues: readonly z.core.$ZodIssue[]): HttpError {
  const issues = zodIssues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  return badRequest(`${prefix}: ${summary}`, { issues });
}
