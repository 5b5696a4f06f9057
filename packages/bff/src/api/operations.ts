import Router from '@koa/router';
import { maskPhone, parseAmount, sbpRecipientResponseSchema } from '@mandarin-kit/core';
import type { Context } from 'koa';
import { z } from 'zod';
import type { BffDeps } from '../BffDeps.js';
import { BffError, notFound } from '../http/BffError.js';
import type { BankDirectory } from '../operations/BankDirectory.js';
import { historyRoutes } from '../operations/historyRoutes.js';
import { requireFunds } from '../operations/requireFunds.js';
import { startOperation } from '../operations/startOperation.js';
import { maskCardNumber, operationView } from '../operations/views.js';
import { pollOperation } from '../status/poll.js';
import { type FinalOperationStatus, finishOperation } from '../status/settle.js';
import type { FailureReason, OperationRecord } from '../store/records.js';
import { userOf } from './context.js';
import { ok, route } from './route.js';
import { ownedWallet } from './wallets.js';

/**
 * Ends an operation on what the BFF learnt itself: the payer's rejection (Mandarin's word once it accepts it), or
 * the bank's answer that it knows no such phone, which is the BFF's inference (`inferred`: Mandarin's later word
 * still moves it). Its event is relayed unless a callback ended it already.
 */
function endOperation(
  deps: BffDeps,
  op: OperationRecord,
  status: FinalOperationStatus,
  how: { failure: FailureReason | null; inferred: boolean },
) {
  return deps.events.polled(op, (tx, source) => finishOperation(tx, op, status, source, how));
}

async function ownedOperation(ctx: Context, deps: BffDeps, id: string): Promise<OperationRecord> {
  const op = await deps.store.operations.get(id.toLowerCase());
  if (op === undefined || op.ownerId !== userOf(ctx).id) throw notFound('Operation');
  return op;
}

function requireActive(status: string): void {
  if (status !== 'Success') throw new BffError(409, 'CONFLICT', 'The wallet is not active yet');
}

async function usableCard(ctx: Context, deps: BffDeps, cardId: string) {
  const card = await deps.store.cards.getUsable(userOf(ctx).id, cardId.toLowerCase());
  if (card === undefined) throw notFound('Card');
  return card;
}

/** Wallet holder operations: top-up from a bound card, payouts, SBP two-step, bank search, statuses. */
export function operationRoutes(deps: BffDeps, banks: BankDirectory): Router {
  const router = new Router();

  route(router, 'createTopUp', async (ctx, req) => {
    const wallet = await ownedWallet(ctx, deps, req.params.walletId);
    const input = await req.body();
    requireActive(wallet.status);
    const card = await usableCard(ctx, deps, input.cardId);
    return startOperation(ctx, deps, input, {
      wallet,
      ownerId: wallet.ownerId,
      amount: parseAmount(input.amount),
      input: { kind: 'top_up', card },
      details: { destinationMasked: card.cardMasked, sbp: null },
    });
  });

  route(router, 'createPayout', async (ctx, req) => {
    const wallet = await ownedWallet(ctx, deps, req.params.walletId);
    const input = await req.body();
    requireActive(wallet.status);
    const amount = parseAmount(input.amount);
    const d = input.destination;
    const base = {
      wallet,
      ownerId: wallet.ownerId,
      amount,
      precheck: () => requireFunds(deps, wallet, amount),
    };
    if (d.type === 'card_number') {
      return startOperation(ctx, deps, input, {
        ...base,
        input: { kind: 'payout_card_number', cardNumber: d.cardNumber },
        details: { destinationMasked: maskCardNumber(d.cardNumber), sbp: null },
      });
    } else if (d.type === 'bound_card') {
      const card = await usableCard(ctx, deps, d.cardId);
      return startOperation(ctx, deps, input, {
        ...base,
        input: { kind: 'payout_bound_card', card },
        details: { destinationMasked: card.cardMasked, sbp: null },
      });
    } else {
      const bank = await banks.find(d.bankId);
      if (bank === undefined) {
        throw new BffError(400, 'VALIDATION_FAILED', 'Unknown bank', {
          fields: { 'destination.bankId': ['Not in the SBP bank directory'] },
        });
      }
      const phoneMasked = maskPhone(d.phone);
      // The account's mode decides: two-step waits for the payer's confirmation, one-step pays at once (and the
      // BFF never calls /confirm on it).
      const twoStep = deps.sbpMode === 'two-step';
      return startOperation(ctx, deps, input, {
        ...base,
        input: { kind: 'payout_sbp', ...d, bankBic: bank.bankBic },
        details: {
          destinationMasked: phoneMasked,
          sbp: { bankId: bank.bankId, bankName: bank.bankName, twoStep, phoneMasked },
        },
      });
    }
  });

  router.use(historyRoutes(deps).routes());

  // A callback lost or late must not leave the owner looking at "pending": Mandarin is asked.
  route(router, 'getOperation', async (ctx, req) =>
    ok(operationView(await pollOperation(deps, await ownedOperation(ctx, deps, req.params.operationId)))),
  );

  route(router, 'getSbpRecipient', async (ctx, req) => {
    const op = await awaitingConfirmation(ctx, deps, req.params.operationId);
    const recipient = await deps.mandarin.call('sbpRecipient', {
      params: { id: op.transactionId! },
      schema: sbpRecipientResponseSchema,
    });
    if (recipient.fullName === null) {
      const failure = { code: null, message: 'The bank has no account for this phone number' };
      await endOperation(deps, op, 'failed', { failure, inferred: true });
      throw new BffError(422, 'UPSTREAM_REJECTED', 'The bank has no account for this phone number');
    }
    return ok({
      operationId: op.id,
      fullName: recipient.fullName,
      bankName: op.sbp?.bankName ?? null,
      phoneMasked: op.sbp?.phoneMasked ?? '',
      amount: operationView(op).amount,
    });
  });

  for (const action of ['confirm', 'reject'] as const) {
    route(router, action === 'confirm' ? 'confirmSbpPayout' : 'rejectSbpPayout', async (ctx, req) => {
      const op = await awaitingConfirmation(ctx, deps, req.params.operationId);
      await deps.mandarin.call(action === 'confirm' ? 'sbpConfirm' : 'sbpReject', {
        params: { id: op.transactionId! },
        schema: z.unknown(),
      });
      if (action === 'confirm') await deps.store.operations.confirmed(op.id);
      else await endOperation(deps, op, 'rejected', { failure: null, inferred: false });
      return ok(operationView({ ...op, status: action === 'confirm' ? 'pending' : 'rejected' }));
    });
  }

  route(router, 'listSbpBanks', async (_ctx, req) =>
    ok({ banks: await banks.search(req.query().query ?? '') }),
  );

  return router;
}

async function awaitingConfirmation(ctx: Context, deps: BffDeps, id: string): Promise<OperationRecord> {
  const op = await ownedOperation(ctx, deps, id);
  if (op.kind !== 'payout_sbp' || op.status !== 'awaiting_confirmation' || op.transactionId === null) {
    throw new BffError(409, 'CONFLICT', 'This payout is not waiting for confirmation');
  }
  return op;
}
