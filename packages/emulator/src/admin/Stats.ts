/** Counters read by `GET /__emulator/stats` (the BFF's single-flight test reads `tokenRequests`). */
export interface EmulatorStats {
  /** Every `POST /oauth/token/`, successful or not. */
  tokenRequests: number;
  /** Tokens actually issued. */
  tokensIssued: number;
  /** Requests per route pattern, e.g. `"POST /api/transactions"`. */
  requestsByRoute: Record<string, number>;
}

export function emptyStats(): EmulatorStats {
  return { tokenRequests: 0, tokensIssued: 0, requestsByRoute: {} };
}
