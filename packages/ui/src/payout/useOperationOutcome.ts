import type { OperationView } from '@mandarin-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useKit } from '../provider/KitContext.js';
import { queryKeys } from '../provider/queryKeys.js';

const FINAL = new Set(['success', 'failed', 'rejected']);

/** Callbacks of {@link useOperationOutcome}: each operation's end is reported once, when seen here. */
export interface OperationOutcomeCallbacks {
  onCompleted?: (operation: OperationView) => void;
  onFailed?: (operation: OperationView) => void;
}

/**
 * Follows an operation this component created (null before there is one): its query is the one the provider's
 * event stream writes the new status into and refetches, so the status shown is the latest the BFF knows, and
 * the end is reported once.
 */
export function useOperationOutcome(
  operationId: string | null,
  callbacks: OperationOutcomeCallbacks,
): OperationView | undefined {
  const { client } = useKit();
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const query = useQuery({
    queryKey: queryKeys.operation(operationId ?? ''),
    queryFn: ({ signal }) => client.getOperation(operationId!, { signal }),
    // Stale at once (no staleTime): the answer that created the operation is put in the cache and then read
    // again, so an event that arrived before that answer (when there was nothing in the cache to update) is
    // not lost behind its "pending".
    enabled: operationId !== null,
  });
  const operation = operationId === null ? undefined : query.data;
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (operation === undefined || !FINAL.has(operation.status)) return;
    const key = `${operation.id}:${operation.status}`;
    if (reported.current === key) return;
    reported.current = key;
    if (operation.status === 'success') latest.current.onCompleted?.(operation);
    if (operation.status === 'failed') latest.current.onFailed?.(operation);
  }, [operation]);
  return operation;
}
