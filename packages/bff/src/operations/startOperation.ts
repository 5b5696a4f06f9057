import { randomUUID } from 'node:crypto';
import { transactionResponseSchema } from '@mandarin-kit/core';
import type { Context } from 'koa';
import { idempotent } from '../api/idempotent.js';
import type { BffDeps } from '../BffDeps.js';
import { BffError } from '../http/BffError.js';
import type { OperationRecord, WalletRecord } from '../store/records.js';
import { type WalletOperationInput, walletOperationRequest } from './mandarinRequests.js';
import { operationView } from './views.js';

/** What to record about an operation besides its Mandarin request. */
export interface OperationDetails {
  destinationMasked: string | null;
  sbp: OperationRecord['sbp'];
}

/**
 * Records a wallet operation with its owner and orderId, then sends it to Mandarin, once per Idempotency-Key.
 * The record is written before the call so that a callback (or a crash in between) always finds its owner;
 * a retry after an upstream failure reuses both the record and the orderId.
 */
export async function startOperation(
  ctx: Context,
  deps: BffDeps,
  request: unknown,
  op: {
    wallet: WalletRecord;
    ownerId: string;
    amount: bigint;
    input: WalletOperationInput;
    details: OperationDetails;
  },
): Promise<void> {
  await idempotent(ctx, deps, request, async (orderId) => {
    let record = await deps.store.operations.findByTransactionOrOrder(null, orderId);
    if (record === undefined) {
      const now = new Date().toISOString();
      record = {
        id: randomUUID(),
        ownerId: op.ownerId,
        kind: op.input.kind,
        walletId: op.wallet.id,
        orderId,
        transactionId: null,
        status: 'pending',
        amount: op.amount,
        ...op.details,
        createdAt: now,
        updatedAt: now,
      };
      await deps.store.operations.insert(record);
    }
    const body = walletOperationRequest(op.wallet, op.input, orderId, op.amount, deps.callbackUrl);
    try {
      const created = await deps.mandarin.call('transactionCreate', {
        body,
        schema: transactionResponseSchema,
        repeatable: true, // same orderId: Mandarin refuses a duplicate instead of paying twice
      });
      const status =
        op.input.kind === 'payout_sbp' && op.details.sbp?.twoStep ? 'awaiting_confirmation' : 'pending';
      await deps.store.operations.update(record.id, { transactionId: created.id, status });
      record = { ...record, transactionId: created.id, status };
    } catch (error) {
      if (error instanceof BffError && error.status < 500)
        await deps.store.operations.update(record.id, { status: 'failed' });
      throw error;
    }
    return { status: 201, body: operationView(record) };
  });
}
