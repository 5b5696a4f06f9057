import { BffError } from '../http/BffError.js';
import type { KeysetPosition, Page } from '../store/ListQuery.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function invalid(): BffError {
  return new BffError(400, 'VALIDATION_FAILED', 'The cursor is not one this list gave', {
    fields: { cursor: ['Must be a nextCursor this list gave'] },
  });
}

/**
 * Reads `?cursor=`: base64url of the last row's `[createdAt, id]`. A position, not an offset, so that rows
 * created while someone pages (they sort first) neither repeat nor hide a row on the next page.
 */
export function readCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    typeof decoded[0] !== 'string' ||
    !ISO.test(decoded[0]) ||
    typeof decoded[1] !== 'string' ||
    decoded[1].length === 0 ||
    decoded[1].length > 100
  ) {
    throw invalid();
  }
  return { createdAt: decoded[0], id: decoded[1] };
}

/** The cursor of the page after `page`, or null when it is the last. */
export function nextCursor(page: Page<{ createdAt: string; id: string }>): string | null {
  const last = page.rows.at(-1);
  if (!page.more || last === undefined) return null;
  return Buffer.from(JSON.stringify([last.createdAt, last.id]), 'utf8').toString('base64url');
}
