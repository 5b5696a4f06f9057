import { randomUUID } from 'node:crypto';
import type { OperationView } from '@mandarin-kit/core';
import type { Context } from 'koa';
import { idempotent } from '../api/idempotent.js';
import type { BffDeps } from '../BffDeps.js';
import { pollOperation } from '../status/poll.js';
import { finishOperation } from '../status/settle.js';
import type { OperationRecord, WalletRecord } from '../store/records.js';
import { sendMoneyRequest } from '../upstream/sendMoneyRequest.js';
import { type WalletOperationInput, walletOperationRequest } from './mandarinRequests.js';
import { operationView } from './views.js';

/** What to record about an operation besides its Mandarin request. */
export interface OperationDetails {
  destinationMasked: string | null;
  sbp: OperationRecord['sbp'];
}

/** The answer to a request that starts an operation: created (201), or its outcome not known yet (202). */
export type OperationReply = { status: 201 | 202; body: OperationView };

/**
 * Records a wallet operation with its owner and orderId, then sends it to Mandarin, once per Idempotency-Key.
 * The record (and its place in the reconciliation queue) is written before the call, so that a callback, a crash
 * in between or a lost answer always finds it. The answer is 201 once Mandarin has created it, 202 while its
 * outcome is unknown (it stays pending until Mandarin's word), and Mandarin's refusal as 422 (failed, with its
 * reason). `precheck` runs for a new operation only: a retry of one already sent is never refused by it.
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
    precheck?: () => Promise<void>;
  },
): Promise<OperationReply> {
  return idempotent(ctx, deps, request, async (orderId): Promise<OperationReply> => {
    let record = await deps.store.operations.findByTransactionOrOrder(null, orderId);
    if (record !== undefined && (record.transactionId !== null || record.status !== 'pending')) {
      return { status: 201, body: operationView(record) }; // sent before: Mandarin has it
    }
    if (record === undefined) {
      await op.precheck?.();
      record = newOperation(op, orderId);
      const created = record;
      await deps.store.transaction(async (tx) => {
        await tx.operations.insert(created);
        await tx.reconcile.enqueue('operation', created.id, Date.now() + deps.reconcile.afterMs);
      });
    }
    const body = walletOperationRequest(op.wallet, op.input, orderId, op.amount, deps.callbackUrl);
    const sent = await sendMoneyRequest(deps.mandarin, deps.logger, 'transactionCreate', body);
    const pending = record;
    if (sent.kind === 'refused') {
      const failure = { code: sent.error.errorCode?.toString() ?? null, message: sent.error.message };
      await deps.events.polled({ orderId, transactionId: null }, (tx, source) =>
        finishOperation(tx, pending, 'failed', source, { failure, inferred: false }),
      );
      throw sent.error;
    }
    if (sent.kind === 'unknown') {
      // Mandarin may say at once where it stands (its id by orderId); if not, the callback or reconciler will.
      const now = await pollOperation(deps, pending).catch(() => pending);
      return { status: 202, body: operationView(now) };
    }
    const awaiting = op.input.kind === 'payout_sbp' && op.details.sbp?.twoStep === true;
    await deps.store.operations.attach(pending.id, sent.response.id, awaiting);
    return { status: 201, body: operationView((await deps.store.operations.get(pending.id)) ?? pending) };
  });
}

function newOperation(
  op: {
    ownerId: string;
    amount: bigint;
    wallet: WalletRecord;
    input: WalletOperationInput;
    details: OperationDetails;
  },
  orderId: string,
): OperationRecord {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    ownerId: op.ownerId,
    kind: op.input.kind,
    walletId: op.wallet.id,
    orderId,
    transactionId: null,
    status: 'pending',
    amount: op.amount,
    ...op.details,
    failure: null,
    statusInferred: false,
    createdAt: now,
    updatedAt: now,
  };
}
