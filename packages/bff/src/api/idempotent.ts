import { createHash, randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import type { BffDeps } from '../BffDeps.js';
import { BffError } from '../http/BffError.js';
import { userOf } from './context.js';

const KEY = /^[\w-]{8,128}$/;

/** A fresh Mandarin orderId: 32 hex characters, unique per operation. */
export function newOrderId(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * Runs a state-changing call at most once per `Idempotency-Key`, and returns its answer. The key is bound to the
 * request (a different body under the same key is refused) and to the orderId sent to Mandarin, so a retry after
 * a timeout re-sends the same orderId and a finished request is answered again without going upstream: with
 * what it answered then, a remembered refusal included (its status and error body).
 */
export async function idempotent<R extends { status: number; body: unknown }>(
  ctx: Context,
  deps: BffDeps,
  request: unknown,
  run: (orderId: string) => Promise<R>,
): Promise<R> {
  const key = ctx.get('idempotency-key');
  if (!KEY.test(key)) {
    throw new BffError(
      400,
      'VALIDATION_FAILED',
      'Send an Idempotency-Key header (8 to 128 letters, digits, _ or -)',
      {
        fields: { 'Idempotency-Key': ['Required'] },
      },
    );
  }
  const user = userOf(ctx);
  const fingerprint = createHash('sha256')
    .update(`${ctx.method} ${ctx.path}\n${JSON.stringify(request)}`)
    .digest('hex');
  const begun = await deps.store.idempotency.begin(user.id, key, fingerprint, newOrderId());
  switch (begun.state) {
    case 'replay':
      ctx.set('Idempotent-Replayed', 'true');
      // What this route answered to the same request before (a view it declares, or a refusal's error body).
      return { status: begun.status, body: begun.body } as R;
    case 'in_progress':
      throw new BffError(409, 'CONFLICT', 'A request with this Idempotency-Key is still being processed');
    case 'mismatch':
      throw new BffError(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request',
      );
  }
  try {
    const result = await run(begun.orderId);
    await deps.store.idempotency.finish(user.id, key, result.status, result.body);
    return result;
  } catch (error) {
    if (error instanceof BffError && error.status < 500 && error.status !== 429) {
      // A refusal is final: the same request would be refused again, so it is remembered like a success. A rate
      // limit is not: the same request may go through once its window has passed.
      const body = { error: { code: error.code, message: error.message, requestId: ctx.state.requestId } };
      await deps.store.idempotency.finish(user.id, key, error.status, body);
    } else {
      // Upstream down or timed out: the operation may or may not exist; a retry re-sends the same orderId.
      await deps.store.idempotency.release(user.id, key);
    }
    throw error;
  }
}
