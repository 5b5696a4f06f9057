import type { Ack } from '../store/inbox.js';
import type { FailureReason } from '../store/records.js';

/** A callback as it arrived, before anything trusts it. */
export interface CallbackRequest {
  method: string;
  /** Path and query exactly as requested (signatures may cover it). */
  url: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  /** The peer address, or the proxy-forwarded client address when the adapter is configured to trust it. */
  sourceIp: string;
  now: number;
}

/** What an adapter makes of a verified callback. */
export type NormalisedCallback =
  | {
      kind: 'transaction';
      objectType: 'transaction' | 'card_binding';
      orderId: string | null;
      transactionId: string | null;
      /** Null when the callback carries no status Mandarin documents: it is kept, and changes nothing. */
      status: 'success' | 'failed' | null;
      /** The status word as sent, for the log when it is not one of the two. */
      reportedStatus: string | null;
      /** Mandarin's reason for a failure, where the callback gives one. */
      failure: FailureReason | null;
      card: {
        bindingId: string;
        masked: string | null;
        holder: string | null;
        month: string | null;
        year: string | null;
      } | null;
    }
  | { kind: 'esp'; paymentTokenId: string; status: string; createdAt: string; eventId: string }
  | {
      kind: 'provider';
      provider: 'transfers' | 'gateway' | 'widget' | 'processing';
      type: string;
      reference: string;
      status: string;
      /** The merchant's order reference, when the provider carries one (used to find the owner). */
      orderReference: string | null;
      details: Record<string, string>;
    };

/** A verified callback: how to store it once, what it means, and the reply the provider expects. */
export interface AcceptedCallback {
  dedupeKey: string;
  payload: Record<string, unknown>;
  callback: NormalisedCallback;
  ack: Ack;
  /** Widget `check`: the reply depends on the merchant's decision about this payment. */
  check?: { invoiceId: string | null; amount: string; currency: string; accountId: string | null };
}

/** Refusal of a callback: 400 malformed, 401 bad signature or stale, 403 wrong source. Nothing is stored. */
export class CallbackRefused extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/** One provider's contract: parse, verify, dedupe key, normalised event, reply. */
export interface CallbackAdapter {
  provider: string;
  accept(request: CallbackRequest): AcceptedCallback;
}

/** A plain-text ack. */
export const textAck = (body: string, status = 200): Ack => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body,
});
/** A JSON ack. */
export const jsonAck = (body: unknown, status = 200): Ack => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});
