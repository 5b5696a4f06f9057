/**
 * `GET /api/hosted.js`: the browser API of Mandarin's hosted card fields, as the emulator serves it.
 *
 * `mandarinpay.hosted.setup(selectorOrElement, {operationId, onsuccess, onerror})` mounts one iframe from
 * the script's own origin into each `.mandarinpay-field-<name>` container inside the element;
 * `mandarinpay.hosted.process(formOrElement)` asks the card-number iframe to collect the other fields (frame
 * to frame, never through this page) and post them to the emulator. Field state comes back as
 * `mandarinpay-field-state-{focused,empty,valid,error}` classes on the containers, the outcome as
 * `onsuccess({operationId, status, transaction: {id}})` or `onerror({error, operationId, status, fields,
 * transaction})`.
 *
 * Bundled into `browserScripts.generated.ts` as one ES2019 script with no dependencies (see
 * `scripts/bundleBrowserScripts.ts`). Messages are accepted only from the emulator origin and only from the
 * iframe mounted for the field they claim to be.
 */
import { CARD_FIELDS, type CardField } from '../../cards/cardInput.js';
import { FIELD_STATES, type FieldState, isOurs, MESSAGE_SOURCE, type ProcessMessage } from './protocol.js';

const PREFIX = 'mandarinpay-field-';
const TITLES: Record<CardField, string> = {
  'card-number': 'Card number',
  'card-holder': 'Cardholder name',
  'card-expiration': 'Expiry date',
  'card-cvv': 'Security code',
};
const RESULT_TIMEOUT_MS = 60000;

/** What `onsuccess` receives. */
interface SuccessData {
  operationId: string;
  status: 'success';
  transaction: { id: string } | undefined;
}

/** What `onerror` receives (only `error` and `operationId` when the form did not answer in time). */
interface ErrorData {
  error: string;
  operationId: string;
  status?: 'failed' | undefined;
  fields?: Record<string, string>;
  transaction?: { id: string } | undefined;
}

interface SetupOptions {
  operationId: string;
  onsuccess?: (data: SuccessData) => void;
  onerror?: (data: ErrorData) => void;
}

interface Instance {
  root: Element;
  options: SetupOptions;
  channel: string;
  frames: Partial<Record<CardField, HTMLIFrameElement>>;
  containers: Partial<Record<CardField, Element>>;
  ready: Partial<Record<CardField, boolean>>;
  busy: boolean;
  queued: boolean;
  timer: number;
}

interface HostedApi {
  setup(target: string | Element, options: SetupOptions): { process(): false; destroy(): void };
  process(target: string | Element): false;
  emulator: true;
}

declare global {
  interface Window {
    mandarinpay?: { hosted?: HostedApi };
  }
}

function scriptSrc(): string {
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.src) return current.src;
  const scripts = document.getElementsByTagName('script');
  for (let i = scripts.length - 1; i >= 0; i--) {
    const src = scripts[i]!.src;
    if (/\/api\/hosted\.js(?:[?#]|$)/.test(src)) return src;
  }
  return location.href;
}

function element(target: string | Element, method: string): Element {
  const el = typeof target === 'string' ? document.querySelector(target) : target;
  if (el?.nodeType !== 1) {
    throw new Error(`mandarinpay.hosted.${method}: no element for ${String(target)}`);
  }
  return el;
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += `0${byte.toString(16)}`.slice(-2);
  return out;
}

function applyState(container: Element, state: Partial<FieldState>): void {
  for (const name of FIELD_STATES) {
    container.classList.toggle(`${PREFIX}state-${name}`, state[name] === true);
  }
}

/** The frames and listener of the first copy of this script on the page. */
function install(api: { hosted?: HostedApi }): void {
  // The iframes come from where this script came from: that origin is the only one we talk to.
  const ORIGIN = new URL(scriptSrc(), location.href).origin;
  const instances: Instance[] = [];

  const mounted = (inst: Instance) => Object.keys(inst.frames) as CardField[];

  function findInstance(el: Element): Instance | null {
    for (const inst of instances) {
      if (inst.root === el || inst.root.contains(el) || el.contains(inst.root)) return inst;
    }
    return null;
  }

  function destroy(inst: Instance): void {
    const index = instances.indexOf(inst);
    if (index >= 0) instances.splice(index, 1);
    clearTimeout(inst.timer);
    for (const field of mounted(inst)) {
      const frame = inst.frames[field]!;
      if (frame.parentNode) frame.parentNode.removeChild(frame);
      applyState(inst.containers[field]!, {});
    }
  }

  function sendProcess(inst: Instance): void {
    inst.queued = false;
    const frame = inst.frames['card-number'];
    if (!frame?.contentWindow) return;
    const message: ProcessMessage = {
      type: 'process',
      fields: mounted(inst),
      source: MESSAGE_SOURCE,
      channel: inst.channel,
    };
    frame.contentWindow.postMessage(message, ORIGIN);
  }

  const allReady = (inst: Instance) => mounted(inst).every((field) => inst.ready[field] === true);

  function settle(
    inst: Instance,
    ...[name, payload]: ['onsuccess', SuccessData] | ['onerror', ErrorData]
  ): void {
    clearTimeout(inst.timer);
    inst.busy = false;
    const callback = inst.options[name];
    if (typeof callback === 'function') (callback as (data: SuccessData | ErrorData) => void)(payload);
  }

  function setup(target: string | Element, options: SetupOptions) {
    const root = element(target, 'setup');
    if (!options || typeof options.operationId !== 'string' || options.operationId === '') {
      throw new Error('mandarinpay.hosted.setup: options.operationId is required');
    }
    // Setting up the same element again (React StrictMode, a new operation) replaces the old frames.
    for (let i = instances.length - 1; i >= 0; i--) {
      if (instances[i]!.root === root) destroy(instances[i]!);
    }
    const inst: Instance = {
      root,
      options,
      channel: randomId(),
      frames: {},
      containers: {},
      ready: {},
      busy: false,
      queued: false,
      timer: 0,
    };
    for (const field of CARD_FIELDS) {
      const container = root.querySelector(`.${PREFIX}${field}`);
      if (!container) continue;
      const frame = document.createElement('iframe');
      frame.src = `${ORIGIN}/hosted/field?field=${field}&op=${encodeURIComponent(options.operationId)}&parent=${encodeURIComponent(location.origin)}&channel=${inst.channel}`;
      frame.title = TITLES[field];
      frame.setAttribute('scrolling', 'no');
      frame.style.border = '0';
      frame.style.width = '100%';
      frame.style.height = '2.75em';
      frame.style.display = 'block';
      container.appendChild(frame);
      inst.frames[field] = frame;
      inst.containers[field] = container;
      applyState(container, { empty: true });
    }
    if (!inst.frames['card-number']) {
      destroy(inst);
      throw new Error(`mandarinpay.hosted.setup: no .${PREFIX}card-number container inside the element`);
    }
    instances.push(inst);
    return {
      process: () => process(root),
      destroy: () => destroy(inst),
    };
  }

  // Returns false, so that onsubmit="return mandarinpay.hosted.process(this)" cancels the native submit.
  function process(target: string | Element): false {
    const inst = findInstance(element(target, 'process'));
    if (!inst) throw new Error('mandarinpay.hosted.process: call mandarinpay.hosted.setup first');
    if (!inst.busy) {
      inst.busy = true;
      inst.timer = window.setTimeout(() => {
        settle(inst, 'onerror', {
          error: 'The card form did not answer in time',
          operationId: inst.options.operationId,
        });
      }, RESULT_TIMEOUT_MS);
      if (allReady(inst)) sendProcess(inst);
      else inst.queued = true;
    }
    return false;
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== ORIGIN) return;
    const data: unknown = event.data;
    if (!isOurs(data)) return;
    for (const inst of instances) {
      if (inst.channel !== data.channel) continue;
      const field = data.field as CardField;
      const frame = inst.frames[field];
      // Only the iframe mounted for a field may speak for it.
      if (!frame || event.source !== frame.contentWindow) return;
      if (data.type === 'ready') {
        inst.ready[field] = true;
        if (inst.queued && allReady(inst)) sendProcess(inst);
      } else if (data.type === 'state' && data.state && typeof data.state === 'object') {
        applyState(inst.containers[field]!, data.state as Partial<FieldState>);
      } else if (data.type === 'result' && field === 'card-number' && inst.busy) {
        const operationId = inst.options.operationId;
        const transaction = typeof data.id === 'string' ? { id: data.id } : undefined;
        if (data.ok === true) {
          settle(inst, 'onsuccess', { operationId, status: 'success', transaction });
        } else {
          settle(inst, 'onerror', {
            error: String(data.error || 'The card could not be processed'),
            operationId,
            status: data.status === 'failed' ? 'failed' : undefined,
            fields:
              data.fields && typeof data.fields === 'object' ? (data.fields as Record<string, string>) : {},
            transaction,
          });
        }
      }
      return;
    }
  });

  api.hosted = { setup, process, emulator: true };
}

window.mandarinpay = window.mandarinpay || {};
const api = window.mandarinpay;
// Loaded twice (two script tags, a re-render): keep the first copy with its frames and listener.
if (!api.hosted) install(api);
