import type { Delivery } from './Delivery.js';
import type { DeliveryService } from './DeliveryService.js';
import { type RetrySchedule, scheduleDelays } from './retrySchedule.js';
import { signMandarinFields } from './signMandarin.js';

/** The fields with `sign` (over all the others) added last. */
export function withSign(fields: Record<string, string>, secret: string): Record<string, string> {
  const { sign: _ignored, ...unsigned } = fields;
  return { ...unsigned, sign: signMandarinFields(unsigned, secret) };
}

/** A Mandarin object that gets callbacks: a transaction or a card binding. */
export interface CallbackSubject {
  id: string;
  /** Its own `urls.callback`; the emulator's `callbackUrl` serves otherwise. */
  callbackUrl: string | undefined;
  /** The fields of its first callback, kept so that a re-send repeats them exactly. */
  callbackFields: Record<string, string> | null;
}

/**
 * Delivers `subject`'s signed Mandarin callback (form-urlencoded POST) to its `urls.callback` or the default
 * URL, retrying until the receiver answers 200 with the body `OK`. `fields` is called the first time only, so
 * a re-send (`notifications/bulk`) repeats the fields exactly, signature included. Shared by every Mandarin
 * object type (transactions and card bindings).
 */
export function deliverMandarinCallback(
  emulator: {
    /** Read when the callback is sent: the default URL may change at runtime. */
    options: { callbackUrl: string | undefined; callbackRetry: RetrySchedule };
    deliveries: DeliveryService;
  },
  subject: CallbackSubject,
  fields: () => Record<string, string>,
): Delivery {
  subject.callbackFields ??= fields();
  const url = subject.callbackUrl ?? emulator.options.callbackUrl;
  const body = new URLSearchParams(subject.callbackFields).toString();
  return emulator.deliveries.enqueue({
    channel: 'mandarin',
    url,
    subject: subject.id,
    build: () => ({
      method: 'POST',
      url: url!,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'mandarin-kit-emulator' },
      body,
    }),
    outcome: (response) => (response?.status === 200 && response.body.trim() === 'OK' ? 'ack' : 'retry'),
    retryDelaySeconds: scheduleDelays(emulator.options.callbackRetry),
  });
}
