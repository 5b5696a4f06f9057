import type { Context } from 'koa';
import { BffError } from './BffError.js';

/** Reads the raw request body, refusing more than `limit` bytes without buffering the excess. */
export async function readRawBody(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body (an empty body is `{}`); anything but JSON is a 400 or 415 with the error body. */
export async function readJson(ctx: Context, limit = 32 * 1024): Promise<unknown> {
  const raw = await readRawBody(ctx, limit);
  if (raw.length === 0) return {};
  if (!ctx.is('application/json')) {
    throw new BffError(415, 'VALIDATION_FAILED', 'Send the body as application/json');
  }
  // JSON is UTF-8 (RFC 8259); a body in another charset would be misread, not decoded.
  // Read from the raw header, so that a parameter list the parser gives up on can't hide a charset.
  const charsets = [...ctx.get('content-type').matchAll(/;\s*charset\s*=\s*"?([^";\s]*)/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );
  if (charsets.some((charset) => charset !== 'utf-8' && charset !== 'utf8')) {
    throw new BffError(415, 'VALIDATION_FAILED', 'Send the body as application/json in UTF-8');
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BffError(400, 'VALIDATION_FAILED', 'The body is not valid JSON');
  }
}

function tooLarge(limit: number): BffError {
  return new BffError(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${limit} bytes`);
}
