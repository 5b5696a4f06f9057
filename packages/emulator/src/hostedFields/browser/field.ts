/**
 * `GET /hosted/field.js`: the script inside each hosted-field iframe (served from the emulator origin, so
 * the host page can't read what is typed). Each frame reports its state to the host page; on `process`
 * the card-number frame collects the other frames' values directly (sibling frames of the same origin, by
 * postMessage) and posts them to `/hosted/process` itself, then reports only the outcome to the host page.
 *
 * Trust: messages from the host page are accepted only from `window.parent` at the `parent` origin the
 * frame was created with (CSP `frame-ancestors` makes that parameter truthful); messages between frames
 * only from the emulator's own origin and the same `channel` (one per `setup`).
 *
 * Bundled into `browserScripts.generated.ts` (see `scripts/bundleBrowserScripts.ts`).
 */
import { CARD_INPUT_KEYS, type CardField, cardFieldValid } from '../../cards/cardInput.js';
import { type FieldMessage, isOurs, MESSAGE_SOURCE, type ResultPayload } from './protocol.js';

const COLLECT_TIMEOUT_MS = 3000;

/** Distributes over the union, so each variant keeps its own fields. */
type Body<T> = T extends FieldMessage ? Omit<T, 'source' | 'channel' | 'field'> : never;

/** `Object.hasOwn`, in the ES2019 the script is served as. */
const has = (object: object, key: string): boolean =>
  // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022, and the tsconfig here rejects it.
  Object.prototype.hasOwnProperty.call(object, key);

const isCardField = (value: unknown): value is CardField =>
  typeof value === 'string' && has(CARD_INPUT_KEYS, value);

const params = new URLSearchParams(location.search);
const FIELD = params.get('field') as CardField;
const OP = params.get('op');
const PARENT = params.get('parent')!;
const CHANNEL = params.get('channel')!;
const SELF = location.origin;
const input = document.getElementById('field') as HTMLInputElement;
const live = document.getElementById('field-error')!;
const ERROR_TEXT = input.getAttribute('data-error');
let focused = false;
let touched = false;
let attempted = false;
/** The card-number frame's collection of the other fields' values, while one runs. */
interface Collecting {
  wanted: CardField[];
  values: Partial<Record<CardField, string>>;
  timer: number;
}
let collecting: Collecting | null = null;

function message(body: Body<FieldMessage>): FieldMessage {
  return { source: MESSAGE_SOURCE, channel: CHANNEL, field: FIELD, ...body } as FieldMessage;
}

function toParent(body: Body<FieldMessage>): void {
  window.parent.postMessage(message(body), PARENT);
}

function report(): void {
  const value = input.value;
  const empty = value.trim() === '';
  // The same rules as the emulator applies (it decides; these only drive the state classes).
  const valid = cardFieldValid(FIELD, value, Date.now());
  const error = !valid && (attempted || (touched && !focused && !empty));
  input.setAttribute('aria-invalid', error ? 'true' : 'false');
  live.textContent = error ? ERROR_TEXT : '';
  toParent({ type: 'state', state: { focused, empty, valid, error } });
}

function siblings(): Window[] {
  const list: Window[] = [];
  const frames = window.parent.frames;
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i];
    if (frame && frame !== window) list.push(frame);
  }
  return list;
}

/** The `/hosted/process` answer as the host page hears it. */
function outcome(ok: boolean, json: Record<string, unknown>): ResultPayload {
  if (ok && json.status === 'success') {
    return { ok: true, id: json.id as string, status: 'success', objectType: json.objectType as string };
  }
  return {
    ok: false,
    id: typeof json.id === 'string' ? json.id : null,
    status: (json.status as string | undefined) || null,
    error: (json.error as string | undefined) || 'The card could not be processed',
    fields: (json.fields as Record<string, string> | undefined) || {},
  };
}

function submit(): void {
  const current = collecting;
  if (!current) return;
  collecting = null;
  clearTimeout(current.timer);
  const body: Record<string, string | null> = { operationId: OP };
  for (const field of Object.keys(current.values) as CardField[]) {
    body[CARD_INPUT_KEYS[field]] = current.values[field]!;
  }
  fetch('/hosted/process', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  })
    .then((response) =>
      response.json().then((json: Record<string, unknown> | null) => ({ ok: response.ok, json: json || {} })),
    )
    .then(
      (r) => toParent({ type: 'result', ...outcome(r.ok, r.json) }),
      () => toParent({ type: 'result', ok: false, error: 'Network error: the card was not sent' }),
    );
}

function startProcess(fields: unknown): void {
  if (collecting) return;
  attempted = true;
  report();
  const wanted = (Array.isArray(fields) ? fields : []).filter(
    (f): f is CardField => f !== FIELD && isCardField(f),
  );
  const current: Collecting = { wanted, values: { [FIELD]: input.value }, timer: 0 };
  collecting = current;
  if (wanted.length === 0) {
    submit();
    return;
  }
  current.timer = window.setTimeout(submit, COLLECT_TIMEOUT_MS);
  // Frames of other origins drop this: the target origin is our own.
  for (const frame of siblings()) frame.postMessage(message({ type: 'collect' }), SELF);
}

window.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (!isOurs(data, CHANNEL)) return;
  if (event.source === window.parent && event.origin === PARENT) {
    if (data.type === 'process' && FIELD === 'card-number') startProcess(data.fields);
    return;
  }
  if (event.origin !== SELF) return;
  if (data.type === 'collect' && FIELD !== 'card-number' && event.source) {
    attempted = true;
    report();
    (event.source as Window).postMessage(message({ type: 'value', value: input.value }), SELF);
  } else if (data.type === 'value' && collecting && FIELD === 'card-number') {
    if (!isCardField(data.field)) return;
    const current = collecting;
    current.values[data.field] = String(data.value);
    if (current.wanted.every((f) => has(current.values, f))) submit();
  }
});

input.addEventListener('focus', () => {
  focused = true;
  report();
});
input.addEventListener('blur', () => {
  focused = false;
  if (input.value !== '') touched = true;
  report();
});
input.addEventListener('input', report);

toParent({ type: 'ready' });
report();
