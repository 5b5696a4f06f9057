import { useCallback, useRef, useState } from 'react';
import { isApiError } from '../client/ApiError.js';
import { createIdempotencyKey } from '../client/idempotencyKey.js';

/** Where a user action stands. */
export type ActionStatus = 'idle' | 'pending' | 'success' | 'error';

/** How a run ended; `skipped` when another run of the action was still in flight. */
export type ActionOutcome<R> =
  | { ok: true; data: R }
  | { ok: false; error: unknown }
  | { ok: false; skipped: true };

/** What {@link useIdempotentAction} returns. */
export interface IdempotentAction<V, R> {
  /** Runs the action; ignored while one is in flight, so a double click or a StrictMode replay sends once. */
  run: (variables: V) => Promise<ActionOutcome<R>>;
  status: ActionStatus;
  error: unknown;
  data: R | undefined;
  reset: () => void;
}

/**
 * A state-changing call with one `Idempotency-Key` per user action: a retry of the same variables after a
 * network or server error reuses the key (so the BFF can't perform it twice); new variables, or any other
 * outcome, start a new action with a new key.
 */
export function useIdempotentAction<V, R>(
  perform: (variables: V, idempotencyKey: string) => Promise<R>,
): IdempotentAction<V, R> {
  const [state, setState] = useState<{ status: ActionStatus; error: unknown; data: R | undefined }>({
    status: 'idle',
    error: null,
    data: undefined,
  });
  const inFlight = useRef(false);
  const pendingKey = useRef<{ key: string; fingerprint: string } | null>(null);
  const latest = useRef(perform);
  latest.current = perform;

  const run = useCallback(async (variables: V): Promise<ActionOutcome<R>> => {
    if (inFlight.current) return { ok: false, skipped: true };
    inFlight.current = true;
    const fingerprint = JSON.stringify(variables) ?? '';
    const reuse = pendingKey.current?.fingerprint === fingerprint ? pendingKey.current : null;
    const key = reuse?.key ?? createIdempotencyKey();
    pendingKey.current = { key, fingerprint };
    setState((s) => ({ ...s, status: 'pending', error: null }));
    try {
      const data = await latest.current(variables, key);
      pendingKey.current = null;
      setState({ status: 'success', error: null, data });
      return { ok: true, data };
    } catch (error) {
      // Only an outcome the server may not have seen keeps the key for the retry.
      const retryable = isApiError(error) ? error.retryable : true;
      if (!retryable) pendingKey.current = null;
      setState({ status: 'error', error, data: undefined });
      return { ok: false, error };
    } finally {
      inFlight.current = false;
    }
  }, []);

  const reset = useCallback(() => {
    pendingKey.current = null;
    setState({ status: 'idle', error: null, data: undefined });
  }, []);

  return { run, ...state, reset };
}
