/**
 * An error that becomes a response: `status` and the Mandarin error body `{"error": message, ...extra}`.
 * Handlers throw it for every refusal so that bad input never turns into a 500.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** 400 `{"error": message}`: the answer Mandarin gives to any request it won't create. */
export const badRequest = (message: string, extra?: Record<string, unknown>) =>
  new HttpError(400, message, extra);

/** 404 `{"error": message}`. */
export const notFound = (message: string) => new HttpError(404, message);
