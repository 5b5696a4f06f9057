import { transactionRequestKinds, transactionRequestSchemas } from '@mandarin-kit/core';
import type { z } from 'zod';
import { badRequest, type HttpError } from '../http/HttpError.js';
import { invalidRequest } from '../http/parseWith.js';
import { KIND_TRAITS } from './transactionKinds.js';

/**
 * A body that matches no transaction shape gets the issues of the shape it came closest to (fewest
 * issues), which names the field to fix instead of zod's "no union member matched".
 */
export function explainInvalidTransaction(body: unknown): HttpError {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest('Invalid request: the body must be a JSON object');
  }
  let best: { name: string; issues: z.core.$ZodIssue[] } | undefined;
  for (const kind of transactionRequestKinds) {
    const result = transactionRequestSchemas[kind].safeParse(body);
    if (result.success) continue;
    if (!best || result.error.issues.length < best.issues.length)
      best = { name: KIND_TRAITS[kind].label, issues: result.error.issues };
  }
  return invalidRequest(`Invalid request (closest shape: ${best?.name ?? 'none'})`, best?.issues ?? []);
}
