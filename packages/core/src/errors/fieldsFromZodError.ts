import type { z } from 'zod';

function dottedPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'symbol' ? (segment.description ?? '') : String(segment)))
    .join('.');
}

/**
 * Groups a zod error's messages by dotted field path (`document.serial`, `phones.0.phone`). An unknown key is
 * reported at its own path; problems with the whole value sit under the empty path `""`.
 */
export function fieldsFromZodError(error: z.core.$ZodError): Record<string, string[]> {
  // A Map, then fromEntries: a field called `__proto__` must become a key, not a prototype.
  const fields = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const messages = fields.get(path);
    if (messages === undefined) fields.set(path, [message]);
    else if (!messages.includes(message)) messages.push(message);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(dottedPath([...issue.path, key]), 'Unknown field');
    } else {
      add(dottedPath(issue.path), issue.message);
    }
  }
  return Object.fromEntries(fields);
}
