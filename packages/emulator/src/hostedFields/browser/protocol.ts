import type { CardField } from '../../cards/cardInput.js';

/**
 * The messages between the host page's `mandarinpay.hosted` (`hostedApi.ts`) and the field iframes
 * (`field.ts`). Every message carries `source` and the `channel` of one `setup`; a receiver drops anything
 * else, and checks the sender's origin and window before it reads the rest.
 */
export const MESSAGE_SOURCE = 'mandarinpay-hosted';

/** What a field shows through the `mandarinpay-field-state-*` classes of its container. */
export interface FieldState {
  focused: boolean;
  empty: boolean;
  valid: boolean;
  error: boolean;
}

export const FIELD_STATES = [
  'focused',
  'empty',
  'valid',
  'error',
] as const satisfies readonly (keyof FieldState)[];

interface Envelope {
  source: typeof MESSAGE_SOURCE;
  channel: string;
}

/** Host page → the card-number iframe: collect the other fields and send the card. */
export interface ProcessMessage extends Envelope {
  type: 'process';
  fields: CardField[];
}

/** The outcome of `/hosted/process`, as the card-number iframe relays it (never the card data itself). */
export type ResultPayload =
  | { ok: true; id: string; status: 'success'; objectType: string }
  | {
      ok: false;
      id?: string | null;
      status?: string | null;
      error: string;
      fields?: Record<string, string>;
    };

/** A field iframe → the host page (`ready`, `state`, `result`) or a sibling iframe (`collect`, `value`). */
export type FieldMessage = Envelope & { field: CardField } & (
    | { type: 'ready' }
    | { type: 'state'; state: FieldState }
    | ({ type: 'result' } & ResultPayload)
    | { type: 'collect' }
    | { type: 'value'; value: string }
  );

/** Any message of ours, before its fields are trusted: other pages post to these windows too. */
export interface UntrustedMessage {
  source?: unknown;
  channel?: unknown;
  type?: unknown;
  field?: unknown;
  fields?: unknown;
  state?: unknown;
  value?: unknown;
  ok?: unknown;
  id?: unknown;
  status?: unknown;
  error?: unknown;
}

/** A posted `data` that claims to be ours on `channel` (or on any channel when `channel` is omitted). */
export function isOurs(data: unknown, channel?: string): data is UntrustedMessage {
  if (!data || typeof data !== 'object') return false;
  const message = data as UntrustedMessage;
  return message.source === MESSAGE_SOURCE && (channel === undefined || message.channel === channel);
}
