import { useCallback, useEffect, useRef, useState } from 'react';
import {
  HOSTED_FIELDS,
  type HostedFailure,
  type HostedField,
  type HostedSuccess,
  loadHostedFields,
  type MandarinPayHosted,
} from './loadHostedFields.js';

/**
 * Where the hosted card form stands: the script is `loading` or failed to load (`load-error`); the fields are
 * `ready`; the card is being `processing`; the script answered `success` or `error` (the user may submit again).
 */
export type HostedCardFormState = 'loading' | 'load-error' | 'ready' | 'processing' | 'success' | 'error';

/** A field as the script's state classes describe it: `error` wins over `valid`, `valid` over `empty`. */
export type HostedFieldState = 'idle' | 'empty' | 'valid' | 'error';

/** One field's state, from its container's `mandarinpay-field-state-*` classes. */
export interface HostedFieldStatus {
  state: HostedFieldState;
  focused: boolean;
}

/** Options of {@link useHostedCardForm}. */
export interface UseHostedCardFormOptions {
  /** The `jsOperationId` of the transaction or card binding to pay in the fields. */
  operationId: string;
  /** The hosted fields script, e.g. `https://secure.mandarinpay.com/api/hosted.js` (loaded once per page). */
  scriptSrc: string;
  /** Set on the `<script>` tag, for a CSP with `script-src 'nonce-…'`. */
  nonce?: string;
  /** The script accepted the card. */
  onSuccess?: (result: HostedSuccess) => void;
  /** The script refused the card, or could not be loaded. */
  onError?: (result: HostedFailure) => void;
}

/** What {@link useHostedCardForm} returns. */
export interface UseHostedCardFormResult {
  state: HostedCardFormState;
  /** Put on the `<form>` that holds the four `mandarinpay-field-*` containers. */
  formRef: (element: HTMLFormElement | null) => void;
  fields: Record<HostedField, HostedFieldStatus>;
  /** Whether `submit` would do anything now. */
  canSubmit: boolean;
  /** Asks the script to process the card; ignored while one is in flight or before the fields are ready. */
  submit: () => void;
  /** The last refusal, as the script worded it. */
  error: HostedFailure | null;
  result: HostedSuccess | null;
  /** Loads the script (or sets the fields up) again after a failure. */
  retry: () => void;
}

const STATE_PREFIX = 'mandarinpay-field-state-';

/** A script that failed to load or threw, reported the way the script reports a failed operation. */
const failureOf = (reason: unknown): HostedFailure => ({
  error: reason instanceof Error ? reason.message : String(reason),
});

function readField(container: Element | null): HostedFieldStatus {
  const has = (state: string) => container?.classList.contains(STATE_PREFIX + state) ?? false;
  const state: HostedFieldState = has('error')
    ? 'error'
    : has('valid')
      ? 'valid'
      : has('empty')
        ? 'empty'
        : 'idle';
  return { state, focused: has('focused') };
}

function readFields(form: HTMLFormElement | null): Record<HostedField, HostedFieldStatus> {
  const entries = HOSTED_FIELDS.map(
    (field) => [field, readField(form?.querySelector(`.mandarinpay-field-${field}`) ?? null)] as const,
  );
  return Object.fromEntries(entries) as Record<HostedField, HostedFieldStatus>;
}

const sameFields = (a: Record<HostedField, HostedFieldStatus>, b: Record<HostedField, HostedFieldStatus>) =>
  HOSTED_FIELDS.every((f) => a[f].state === b[f].state && a[f].focused === b[f].focused);

type Phase = 'idle' | 'processing' | 'success' | 'error';

/**
 * Headless Mandarin hosted card fields: loads the script once per page (in an effect, so it renders on the
 * server), sets the fields up on the form for `operationId`, mirrors each container's state classes, and
 * runs `process` at most once at a time.
 */
export function useHostedCardForm(options: UseHostedCardFormOptions): UseHostedCardFormResult {
  const { operationId, scriptSrc, nonce } = options;
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const [api, setApi] = useState<MandarinPayHosted | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<HostedFailure | null>(null);
  const [result, setResult] = useState<HostedSuccess | null>(null);
  const [fields, setFields] = useState(() => readFields(null));
  // The fields of the current operation are mounted (setup returned).
  const [mounted, setMounted] = useState(false);
  const processing = useRef(false);
  const callbacks = useRef(options);
  callbacks.current = options;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    let active = true;
    setLoadFailed(false);
    loadHostedFields(scriptSrc, nonce ? { nonce } : {}).then(
      (loaded) => {
        if (active) setApi(() => loaded);
      },
      (reason: unknown) => {
        if (!active) return;
        setLoadFailed(true);
        callbacks.current.onError?.(failureOf(reason));
      },
    );
    return () => {
      active = false;
    };
  }, [scriptSrc, nonce, attempt]);

  useEffect(() => {
    if (!form) return;
    const observer = new MutationObserver(() => {
      const next = readFields(form);
      setFields((old) => (sameFields(old, next) ? old : next));
    });
    observer.observe(form, { attributes: true, attributeFilter: ['class'], subtree: true });
    setFields(readFields(form));
    return () => observer.disconnect();
  }, [form]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    if (!api || !form) return;
    let active = true;
    processing.current = false;
    setPhase('idle');
    setError(null);
    setResult(null);
    let handle: ReturnType<MandarinPayHosted['setup']>;
    try {
      handle = api.setup(form, {
        operationId,
        onsuccess: (success) => {
          if (!active) return;
          processing.current = false;
          setResult(success);
          setPhase('success');
          callbacks.current.onSuccess?.(success);
        },
        onerror: (failure) => {
          if (!active) return;
          processing.current = false;
          setError(failure);
          setPhase('error');
          callbacks.current.onError?.(failure);
        },
      });
    } catch (reason) {
      setLoadFailed(true);
      callbacks.current.onError?.(failureOf(reason));
      return;
    }
    setFields(readFields(form));
    setMounted(true);
    return () => {
      active = false;
      setMounted(false);
      processing.current = false;
      if (handle && typeof handle.destroy === 'function') handle.destroy();
      else {
        // A script without destroy(): take its frames out so that the next setup starts clean.
        for (const field of HOSTED_FIELDS)
          form.querySelector(`.mandarinpay-field-${field}`)?.replaceChildren();
      }
    };
  }, [api, form, operationId, attempt]);

  const ready = api !== null && form !== null && mounted && !loadFailed;
  const canSubmit = ready && phase !== 'processing';

  const submit = useCallback(() => {
    if (!api || !form || !mounted || loadFailed || processing.current) return;
    processing.current = true;
    setPhase('processing');
    setError(null);
    try {
      api.process(form);
    } catch (reason) {
      processing.current = false;
      const failure = failureOf(reason);
      setError(failure);
      setPhase('error');
      callbacks.current.onError?.(failure);
    }
  }, [api, form, mounted, loadFailed]);

  const retry = useCallback(() => {
    setLoadFailed(false);
    setAttempt((n) => n + 1);
  }, []);

  const state: HostedCardFormState = loadFailed
    ? 'load-error'
    : !ready
      ? 'loading'
      : phase === 'processing'
        ? 'processing'
        : phase === 'success'
          ? 'success'
          : phase === 'error'
            ? 'error'
            : 'ready';

  return { state, formRef: setForm, fields, canSubmit, submit, error, result, retry };
}
