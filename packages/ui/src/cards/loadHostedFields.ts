/** The card fields Mandarin's hosted script mounts an iframe into, by the suffix of their container class. */
export const HOSTED_FIELDS = ['card-number', 'card-holder', 'card-expiration', 'card-cvv'] as const;
/** One of the hosted card fields. */
export type HostedField = (typeof HOSTED_FIELDS)[number];

/** What `onsuccess` receives from the hosted fields script. */
export interface HostedSuccess {
  operationId: string;
  status?: string;
  transaction?: { id: string };
}

/** What `onerror` receives from the hosted fields script. */
export interface HostedFailure {
  error: string;
  operationId?: string;
  status?: string;
  fields?: Record<string, unknown>;
  transaction?: { id: string };
}

/** Options of `mandarinpay.hosted.setup`. */
export interface HostedSetupOptions {
  operationId: string;
  onsuccess: (result: HostedSuccess) => void;
  onerror: (result: HostedFailure) => void;
}

/** `window.mandarinpay.hosted`: Mandarin's hosted card fields (the emulator serves the same API). */
export interface MandarinPayHosted {
  setup(
    target: string | Element,
    options: HostedSetupOptions,
  ): { process?: () => unknown; destroy?: () => void } | undefined;
  process(target: Element): unknown;
}

interface MandarinPayWindow {
  mandarinpay?: { hosted?: MandarinPayHosted };
}

/** The hosted API if the page already has it (loaded by the kit or by the host itself). */
export function hostedApi(): MandarinPayHosted | undefined {
  if (typeof window === 'undefined') return undefined;
  return (window as unknown as MandarinPayWindow).mandarinpay?.hosted;
}

/** Why the hosted fields script could not be used. */
export class HostedScriptError extends Error {
  override readonly name = 'HostedScriptError';
}

// One load per script URL for the whole page: every HostedCardForm (and StrictMode's second mount) shares it.
const loads = new Map<string, Promise<MandarinPayHosted>>();

/**
 * Loads the hosted fields script at `src` once per page and resolves with `window.mandarinpay.hosted`.
 * Concurrent and later calls for the same `src` share the first call's `<script>` tag; a failed load forgets
 * its tag, so that calling again (a retry) adds a fresh one. `nonce` is set on the tag for strict CSPs.
 */
export function loadHostedFields(src: string, options: { nonce?: string } = {}): Promise<MandarinPayHosted> {
  const known = loads.get(src);
  if (known) return known;
  const existing = hostedApi();
  if (existing) return Promise.resolve(existing);
  const promise = new Promise<MandarinPayHosted>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.setAttribute('data-mk-hosted-fields', '');
    if (options.nonce) {
      script.nonce = options.nonce;
      script.setAttribute('nonce', options.nonce);
    }
    const settle = (error: HostedScriptError | null) => {
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      const api = hostedApi();
      if (error === null && api) return resolve(api);
      loads.delete(src);
      script.remove();
      reject(error ?? new HostedScriptError(`${src} loaded but did not define mandarinpay.hosted`));
    };
    const onLoad = () => settle(null);
    const onError = () => settle(new HostedScriptError(`Could not load ${src}`));
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    document.head.appendChild(script);
  });
  loads.set(src, promise);
  return promise;
}

/** Forgets every load (tests only: the page is "reloaded"). */
export function resetHostedFieldsLoader(): void {
  loads.clear();
}
