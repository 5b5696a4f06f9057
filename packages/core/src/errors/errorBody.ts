import { z } from 'zod';
import { errorCodes } from './errorCodes.js';

/** The body of every BFF error answer. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    /** For people; code branches on `code`, never on this. */
    message: z.string(),
    /** Messages per field, by dotted path (`document.serial`, `phones.0.phone`); for VALIDATION_FAILED. */
    fields: z.record(z.string(), z.array(z.string())).optional(),
    /** Machine-readable facts of the error: `available` (a wire amount) for INSUFFICIENT_FUNDS. */
    details: z.record(z.string(), z.string()).optional(),
    /** Quoted in logs, so that a user's report can be matched to them. */
    requestId: z.string(),
  }),
});
/** A BFF error body. */
export type ErrorBody = z.infer<typeof errorBodySchema>;
