import { formatAmount } from '@mandarin-kit/core';
import type { BffDeps } from '../BffDeps.js';
import { notFound } from '../http/BffError.js';
import { pollPayment, pollRefund } from '../status/poll.js';
import type { PaymentRecord } from '../store/records.js';
import { paymentView } from './views.js';

/** The payment `id` (from the URL; its route lets operators only). */
export async function payment(deps: BffDeps, id: string): Promise<PaymentRecord> {
  const found = await deps.store.payments.get(id.toLowerCase());
  if (found === undefined) throw notFound('Payment');
  return found;
}

/** A payment (brought up to date from Mandarin) and its refunds (each pending one too), as the operator sees them. */
export async function freshView(deps: BffDeps, p: PaymentRecord) {
  const now = await pollPayment(deps, p);
  const refunds = await Promise.all(
    (await deps.store.payments.refunds(p.id)).map((r) => pollRefund(deps, r)),
  );
  return paymentView(now, refunds);
}

/** `urls.callback` of a transaction request, when the BFF knows where Mandarin should call back. */
export const urls = (deps: BffDeps) =>
  deps.callbackUrl === undefined ? {} : { urls: { callback: deps.callbackUrl } };

/** An amount as the routing host's requests carry it. */
export const money = (amount: bigint) => ({ value: formatAmount(amount), currency: 'RUB' });
