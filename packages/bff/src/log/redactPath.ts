// The secret path tokens of the callback routes Mandarin and the transfers provider don't sign: whoever reads
// them can forge those callbacks, so no log line carries them.
const SECRET_SEGMENT = /^(\/callbacks\/(?:esp|transfers))\/[^/?#]*/i;

/** A request path fit for a log line: callback path tokens become `[redacted]`. */
export function redactPath(path: string): string {
  return path.replace(SECRET_SEGMENT, '$1/[redacted]');
}
