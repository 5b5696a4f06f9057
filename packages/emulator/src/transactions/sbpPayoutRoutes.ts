import type { Router } from '@koa/router';
import type { SbpRecipientStatus } from '@mandarin-kit/core';
import { requireAuth } from '../auth/requireAuth.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { badRequest, notFound } from '../http/HttpError.js';
import { SCOPES } from '../oauth/scopes.js';
import { recipientName } from '../sbp/sandboxPhones.js';
import { finishTransaction, scheduleProcessing } from './finishTransaction.js';
import type { TransactionRecord } from './TransactionRecord.js';

function sbpPayout(emulator: EmulatorContext, id: string): TransactionRecord {
  const tx = emulator.transactions.get(id);
  if (!tx || tx.sbp === null) throw notFound(`SBP payout ${id} not found`);
  return tx;
}

/** The two-step payout's state in the words of `sbpRecipientStatusSchema`. */
function sbpStatus(tx: TransactionRecord): SbpRecipientStatus {
  if (tx.status === 'success') return 'success';
  if (tx.sbp?.step === 'rejected') return 'rejected';
  if (tx.status === 'failed') return 'failed';
  return tx.sbp?.step === 'confirmed' ? 'confirmed' : 'pending';
}

/** The SBP payout's second step: the recipient's name, then confirm or reject (each once). */
export function registerSbpPayoutRoutes(router: Router, emulator: EmulatorContext): void {
  const write = requireAuth(emulator, SCOPES.transactionsWrite, 'bearer-or-xauth');

  // The recipient's name as the bank has it. An unknown phone ends the payout as failed.
  router.post('/api/sbp/:id/status', write, (ctx) => {
    const tx = sbpPayout(emulator, ctx.params.id!);
    const sbp = tx.sbp!;
    if (sbp.step === 'created' && tx.status === 'awaiting_confirmation') {
      sbp.fullName = recipientName(tx.request.customerInfo as Parameters<typeof recipientName>[0]);
      sbp.step = sbp.fullName === null ? 'failed' : 'checked';
      if (sbp.fullName === null)
        finishTransaction(emulator, tx, 'failed', 'SBP recipient not found at the bank');
    }
    ctx.body = { id: tx.id, status: sbpStatus(tx), fullName: sbp.fullName };
  });

  router.post('/api/sbp/:id/confirm', write, (ctx) => {
    const tx = sbpPayout(emulator, ctx.params.id!);
    if (tx.sbp!.step !== 'checked' || tx.status !== 'awaiting_confirmation') {
      throw badRequest(
        tx.sbp!.step === 'created'
          ? 'Check the recipient first (status)'
          : `Payout is already ${tx.sbp!.step}`,
      );
    }
    tx.sbp!.step = 'confirmed';
    tx.status = 'processing';
    scheduleProcessing(emulator, tx);
    ctx.body = { id: tx.id, status: sbpStatus(tx), fullName: tx.sbp!.fullName };
  });

  router.post('/api/sbp/:id/reject', write, (ctx) => {
    const tx = sbpPayout(emulator, ctx.params.id!);
    if (tx.status !== 'awaiting_confirmation' || (tx.sbp!.step !== 'checked' && tx.sbp!.step !== 'created')) {
      throw badRequest(`Payout is already ${tx.sbp!.step}`);
    }
    tx.sbp!.step = 'rejected';
    finishTransaction(emulator, tx, 'failed', 'Rejected by the payer');
    ctx.body = { id: tx.id, status: sbpStatus(tx), fullName: tx.sbp!.fullName };
  });
}
