import { badRequest } from './HttpError.js';

/**
 * Extracts the text fields of a `multipart/form-data` body. Only what an OAuth token request carries is
 * supported (small text parts); file parts are ignored.
 */
export function parseMultipartFields(raw: string, boundary: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const delimiter = `--${boundary}`;
  if (!raw.includes(delimiter)) throw badRequest('Malformed multipart/form-data body');
  for (const part of raw.split(delimiter).slice(1)) {
    if (part.startsWith('--')) break;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined || /filename=/i.test(headers)) continue;
    // Each part ends with the CRLF that precedes the next delimiter.
    fields[name] = part.slice(headerEnd + 4).replace(/\r\n$/, '');
  }
  return fields;
}
