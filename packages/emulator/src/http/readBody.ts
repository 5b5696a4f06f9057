import type { Context } from 'koa';
import { badRequest, HttpError } from './HttpError.js';
import { parseMultipartFields } from './multipart.js';

/** Largest request body accepted; Mandarin requests are small JSON documents. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the raw request body once (cached on `ctx.state`), refusing anything past 1 MiB with 413. */
export async function readRawBody(ctx: Context): Promise<string> {
  const cached = ctx.state.rawBody as string | undefined;
  if (cached !== undefined) return cached;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  ctx.state.rawBody = raw;
  return raw;
}

/** Parses a JSON body; a missing or malformed one is a 400, never a 500. */
export async function readJson(ctx: Context): Promise<unknown> {
  const raw = await readRawBody(ctx);
  if (raw.trim() === '') throw badRequest('Request body must be JSON');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw badRequest('Request body is not valid JSON');
  }
}

/** A JSON body that may be empty (admin calls with all-optional fields). */
export async function readOptionalJson(ctx: Context): Promise<unknown> {
  const raw = await readRawBody(ctx);
  if (raw.trim() === '') return {};
  return readJson(ctx);
}

/**
 * Reads form fields from `application/x-www-form-urlencoded` or `multipart/form-data` (the seed's
 * `curl --form` sends the latter), so the OAuth endpoint accepts what real clients send.
 */
export async function readForm(ctx: Context): Promise<Record<string, string>> {
  const raw = await readRawBody(ctx);
  const type = ctx.get('content-type').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    // Boundaries are case-sensitive: read it from the header as sent, not from the lowercased copy.
    const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(ctx.get('content-type'));
    const boundary = match?.[1] ?? match?.[2];
    if (!boundary) throw badRequest('multipart/form-data without a boundary');
    return parseMultipartFields(raw, boundary);
  }
  if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  throw new HttpError(415, 'Expected application/x-www-form-urlencoded or multipart/form-data');
}
