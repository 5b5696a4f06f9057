import { z } from 'zod';

// A module of its own: the browser's views and events need the status, and none of Mandarin's ESP requests
// and answers in esp.ts, which would otherwise ride along into every browser bundle.

/** Lifecycle of an ESP (virtual wallet). */
export const espStatusValueSchema = z.enum(['Processing', 'Success', 'Failed', 'Blocked', 'Suspended']);
/** ESP status. */
export type EspStatusValue = z.infer<typeof espStatusValueSchema>;
