import { createHash, randomBytes } from 'node:crypto';

/** The Mandarin secret the bench BFF verifies `sign` with (its `mandarin.secret`). */
export const BENCH_MANDARIN_SECRET = 'bench-mandarin-secret';

/**
 * A signed Mandarin transaction callback as a form body, for a transaction the BFF has never seen (so it goes to
 * the operator stream). The signature is computed here from the protocol's definition rather than with the
 * core helper, so a bench that passes also confirms the two agree: sha256 hex of every other field's value,
 * sorted by key in code-unit order, joined by '-', then '-' and the secret.
 */
export function signedCallback(orderId: string): string {
  const fields: Record<string, string> = {
    merchantId: '777',
    orderId,
    transaction: `tx-${orderId}`,
    object_type: 'transaction',
    status: 'success',
    price: '100.00',
    payment_system: 'mastercard',
  };
  const keys = Object.keys(fields).sort(); // default sort compares UTF-16 code units
  const base = `${keys.map((k) => fields[k]).join('-')}-${BENCH_MANDARIN_SECRET}`;
  fields.sign = createHash('sha256').update(base, 'utf8').digest('hex');
  return new URLSearchParams(fields).toString();
}

/** Unique order ids across runs and servers: a random run prefix and a counter. */
export function orderIds(label: string): () => string {
  const run = `${label}-${randomBytes(4).toString('hex')}`;
  let n = 0;
  return () => `${run}-${n++}`;
}

export const FORM = 'application/x-www-form-urlencoded';
