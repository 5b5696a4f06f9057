import {
  HOSTED_FIELDS,
  type HostedField,
  type HostedSetupOptions,
  type MandarinPayHosted,
  resetHostedFieldsLoader,
} from '../cards/loadHostedFields.js';

/** The script URL the fake answers for (a `.test` host: nothing real is ever fetched from it). */
export const FAKE_HOSTED_SRC = 'https://secure.mandarinpay.test/api/hosted.js';

/** How the fake `window.mandarinpay` behaves. */
export interface FakeHostedFieldsOptions {
  /** The script URL to answer for (default {@link FAKE_HOSTED_SRC}). */
  src?: string;
  /** The first `n` loads of the script fail (`true`: every load). */
  failLoads?: number | boolean;
  /** Delay before the script "loads", in ms (default 0; `Infinity` never loads). */
  loadDelayMs?: number;
  /** What `process` reports (default `success`). */
  result?: 'success' | 'error';
  /** Delay of the `process` answer, in ms (default 20; `Infinity` never answers). */
  processDelayMs?: number;
}

/** A state class set the script puts on a field's container. */
export type FakeFieldClasses = Partial<Record<'focused' | 'valid' | 'error' | 'empty', boolean>>;

/** A fake of Mandarin's hosted fields for jsdom tests and stories. */
export interface FakeHostedFields {
  /** The `<script>` tags for the fake's URL now in the document. */
  scripts(): HTMLScriptElement[];
  /** Every `setup` call, in order. */
  readonly setups: Array<{ element: Element; operationId: string }>;
  /** The operation of every `process` call, in order. */
  readonly processed: string[];
  /** Puts state classes on a field's container, as the script does when its iframe reports. */
  setFieldState(field: HostedField, classes: FakeFieldClasses, root?: ParentNode): void;
  /** Restores the page: no `window.mandarinpay`, no script tags, a fresh loader. */
  uninstall(): void;
}

const TITLES: Record<HostedField, string> = {
  'card-number': 'Card number',
  'card-holder': 'Cardholder name',
  'card-expiration': 'Expiry date',
  'card-cvv': 'Security code',
};
const AUTOCOMPLETE: Record<HostedField, string> = {
  'card-number': 'cc-number',
  'card-holder': 'cc-name',
  'card-expiration': 'cc-exp',
  'card-cvv': 'cc-csc',
};
const VALID: Record<HostedField, RegExp> = {
  'card-number': /^\d{12,19}$/,
  'card-holder': /^[A-Za-z][A-Za-z .'-]+$/,
  'card-expiration': /^(0[1-9]|1[0-2])\/\d{2}$/,
  'card-cvv': /^\d{3,4}$/,
};
const STATES = ['focused', 'valid', 'error', 'empty'] as const;

function applyClasses(container: Element, classes: FakeFieldClasses): void {
  for (const state of STATES) {
    if (classes[state] !== undefined) {
      container.classList.toggle(`mandarinpay-field-state-${state}`, classes[state]);
    }
  }
}

let current: FakeHostedFields | null = null;

/**
 * Installs a fake `window.mandarinpay.hosted`: when the kit adds the `<script>` for `src`, the fake "loads"
 * it (or fails it); `setup` mounts a plain input per field container (a real script mounts a cross-origin
 * iframe) and keeps the state classes as the real one does; `process` answers after a delay.
 */
export function installFakeHostedFields(options: FakeHostedFieldsOptions = {}): FakeHostedFields {
  current?.uninstall();
  const src = options.src ?? FAKE_HOSTED_SRC;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, run: () => void) => {
    if (ms === Number.POSITIVE_INFINITY) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };
  const setups: FakeHostedFields['setups'] = [];
  const processed: string[] = [];
  const instances = new Map<Element, { options: HostedSetupOptions; destroy: () => void }>();
  let loads = 0;

  function mount(root: Element, field: HostedField): (() => void) | null {
    const container = root.querySelector(`.mandarinpay-field-${field}`);
    if (!container) return null;
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'mk-input mk-fake-hosted__input';
    input.setAttribute('data-slot', 'hosted-input');
    input.setAttribute('aria-label', TITLES[field]);
    input.setAttribute('autocomplete', AUTOCOMPLETE[field]);
    const valid = () => VALID[field].test(input.value.replace(/\s+/g, ''));
    const onFocus = () => applyClasses(container, { focused: true });
    const onBlur = () => applyClasses(container, { focused: false, error: input.value !== '' && !valid() });
    const onInput = () =>
      applyClasses(container, {
        empty: input.value === '',
        valid: valid(),
        ...(valid() ? { error: false } : {}),
      });
    input.addEventListener('focus', onFocus);
    input.addEventListener('blur', onBlur);
    input.addEventListener('input', onInput);
    container.appendChild(input);
    applyClasses(container, { empty: true });
    return () => {
      input.remove();
      applyClasses(container, { focused: false, valid: false, error: false, empty: false });
    };
  }

  const api: MandarinPayHosted = {
    setup(target, setupOptions) {
      const root = typeof target === 'string' ? document.querySelector(target) : target;
      if (!root) throw new Error(`mandarinpay.hosted.setup: no element for ${String(target)}`);
      instances.get(root)?.destroy();
      setups.push({ element: root, operationId: setupOptions.operationId });
      const unmounts = HOSTED_FIELDS.map((field) => mount(root, field));
      const destroy = () => {
        for (const unmount of unmounts) unmount?.();
        if (instances.get(root)?.destroy === destroy) instances.delete(root);
      };
      instances.set(root, { options: setupOptions, destroy });
      return { destroy, process: () => api.process(root) };
    },
    process(target) {
      const entry = [...instances].find(([root]) => root === target || root.contains(target));
      if (!entry) throw new Error('mandarinpay.hosted.process: call mandarinpay.hosted.setup first');
      const { options: setupOptions } = entry[1];
      processed.push(setupOptions.operationId);
      later(options.processDelayMs ?? 20, () => {
        if (instances.get(entry[0])?.options !== setupOptions) return;
        if ((options.result ?? 'success') === 'success') {
          setupOptions.onsuccess({
            operationId: setupOptions.operationId,
            status: 'success',
            transaction: { id: 'fake-transaction' },
          });
        } else {
          setupOptions.onerror({
            error: 'The card could not be processed',
            operationId: setupOptions.operationId,
            status: 'failed',
            fields: {},
          });
        }
      });
      return false;
    },
  };

  const isOurs = (node: Node): node is HTMLScriptElement =>
    node instanceof HTMLScriptElement && node.getAttribute('src') === src;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!isOurs(node)) continue;
        // In a real browser the tag really fetches the .test URL and fails; only the fake's answer counts.
        node.addEventListener(
          'error',
          (event) => {
            if (event.isTrusted) event.stopImmediatePropagation();
          },
          { capture: true },
        );
        loads++;
        const fail = options.failLoads === true || loads <= Number(options.failLoads ?? 0);
        later(options.loadDelayMs ?? 0, () => {
          if (!fail) {
            (window as unknown as { mandarinpay?: unknown }).mandarinpay = { hosted: api };
          }
          node.dispatchEvent(new Event(fail ? 'error' : 'load'));
        });
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });

  const fake: FakeHostedFields = {
    scripts: () => [...document.querySelectorAll('script')].filter(isOurs),
    setups,
    processed,
    setFieldState(field, classes, root = document) {
      for (const container of root.querySelectorAll(`.mandarinpay-field-${field}`)) {
        applyClasses(container, classes);
      }
    },
    uninstall() {
      observer.disconnect();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const instance of [...instances.values()]) instance.destroy();
      delete (window as unknown as { mandarinpay?: unknown }).mandarinpay;
      for (const script of fake.scripts()) script.remove();
      resetHostedFieldsLoader();
      if (current === fake) current = null;
    },
  };
  current = fake;
  return fake;
}
