import type { Router, RouterMiddleware } from '@koa/router';
import { formatAmount } from '@mandarin-kit/core';
import { z } from 'zod';
import { requireAuth } from '../auth/requireAuth.js';
import { sendCardBindingCallback } from '../cardBindings/cardBindingCallback.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { badRequest, notFound } from '../http/HttpError.js';
import { publicOrigin } from '../http/origin.js';
import { parseWith } from '../http/parseWith.js';
import { readJson } from '../http/readBody.js';
import { SCOPES } from '../oauth/scopes.js';
import { createTransaction } from './createTransaction.js';
import { scheduleProcessing } from './finishTransaction.js';
import type { TransactionRecord } from './TransactionRecord.js';
import { sendTransactionCallback } from './transactionCallback.js';
import { KIND_TRAITS } from './transactionKinds.js';

/**
 * The public view of a transaction for the status lookup (an emulator assumption, see README). While it waits for
 * the payer it also carries the payer's page, as the create answer did, so a caller whose answer was lost can
 * still send the payer there.
 */
export function transactionView(tx: TransactionRecord, origin: string) {
  const page =
    tx.status === 'awaiting_payer'
      ? { userWebLink: payPage(origin, tx), jsOperationId: tx.jsOperationId }
      : {};
  return {
    id: tx.id,
    orderId: tx.orderId,
    action: tx.action,
    kind: tx.kind,
    price: formatAmount(tx.amount),
    status: tx.status === 'success' || tx.status === 'failed' ? tx.status : 'pending',
    stage: tx.status,
    error: tx.failureReason,
    created_at: tx.createdAt,
    finished_at: tx.finishedAt,
    ...page,
  };
}

const payPage = (origin: string, tx: TransactionRecord) => `${origin}/Pay?transaction=${tx.payToken}`;

const bulkSchema = z.object({ ids: z.array(z.string()).min(1).max(1000) });

/** The transactions endpoint (both hosts), the status lookup, and the callback re-send API. */
export function registerTransactionRoutes(router: Router, emulator: EmulatorContext): void {
  const create: RouterMiddleware = async (ctx) => {
    const tx = createTransaction(emulator, await readJson(ctx));
    scheduleProcessing(emulator, tx);
    if (KIND_TRAITS[tx.kind].answer === 'id') {
      // The seed's reversal answer, and the payments reference's where nobody enters a card: the id only.
      ctx.body = { id: tx.id };
      return;
    }
    // The hosted page lives on this emulator, at the origin the caller reached it by.
    ctx.body = {
      id: tx.id,
      userWebLink: payPage(publicOrigin(emulator.options.publicUrl, ctx), tx),
      jsOperationId: tx.jsOperationId,
    };
  };
  // Classic host: X-Auth or Bearer + Mid (the seed shows both); routing host: Bearer + Mid.
  router.post(
    '/api/transactions',
    requireAuth(emulator, SCOPES.transactionsWrite, 'bearer-or-xauth'),
    create,
  );
  router.post('/secure/transactions', requireAuth(emulator, SCOPES.transactionsWrite, 'bearer'), create);

  // Reconciliation after a lost answer: the caller knows its orderId, not the transaction id.
  router.get(
    '/api/transactions',
    requireAuth(emulator, SCOPES.transactionsRead, 'bearer-or-xauth'),
    (ctx) => {
      const { orderId } = ctx.query;
      if (typeof orderId !== 'string' || orderId === '') {
        throw badRequest('Query parameter orderId is required (once)');
      }
      const tx = emulator.transactions.byOrderId(orderId);
      if (!tx) throw notFound(`No transaction with order id ${orderId}`);
      ctx.body = transactionView(tx, publicOrigin(emulator.options.publicUrl, ctx));
    },
  );

  router.get(
    '/api/transactions/:id',
    requireAuth(emulator, SCOPES.transactionsRead, 'bearer-or-xauth'),
    (ctx) => {
      const tx = emulator.transactions.get(ctx.params.id!);
      if (!tx) throw notFound(`Transaction ${ctx.params.id} not found`);
      ctx.body = transactionView(tx, publicOrigin(emulator.options.publicUrl, ctx));
    },
  );

  // Re-sends the callbacks of finished transactions and card bindings (reconciliation); unknown or unfinished ids are listed.
  router.post(
    '/api/notifications/bulk',
    requireAuth(emulator, SCOPES.notificationsWrite, 'bearer'),
    async (ctx) => {
      const { ids } = parseWith(bulkSchema, await readJson(ctx));
      const sent: string[] = [];
      const notFoundIds: string[] = [];
      for (const id of ids) {
        const tx = emulator.transactions.get(id);
        const binding = emulator.cardBindings.get(id);
        if (tx?.callbackFields) {
          sendTransactionCallback(emulator, tx);
          sent.push(tx.id);
        } else if (binding?.callbackFields) {
          sendCardBindingCallback(emulator, binding);
          sent.push(binding.id);
        } else {
          notFoundIds.push(id);
        }
      }
      ctx.body = { sent, notFound: notFoundIds };
    },
  );
}
