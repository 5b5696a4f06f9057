import type { Router } from '@koa/router';
import { espStatusValueSchema } from '@mandarin-kit/core';
import { z } from 'zod';
import type { EmulatorContext } from '../EmulatorContext.js';
import { badRequest, notFound } from '../http/HttpError.js';
import { parseWith } from '../http/parseWith.js';
import { readOptionalJson } from '../http/readBody.js';
import { finishTransaction } from '../transactions/finishTransaction.js';
import { isFinal } from '../transactions/TransactionRecord.js';
import { espView, transactionAdminView, walletView } from './views.js';

const query = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Admin API, part two: read and nudge ESPs, wallets, transactions, accounts and callbacks. */
export function registerInspectRoutes(router: Router, emulator: EmulatorContext): void {
  router.get('/__emulator/esp', (ctx) => {
    ctx.body = { esps: emulator.esps.list().map(espView) };
  });
  router.get('/__emulator/esp/:id', (ctx) => {
    ctx.body = espView(emulator.esps.require(ctx.params.id!));
  });
  // The last code sent for an ESP: what a test (or a demo user) types into the OTP field.
  router.get('/__emulator/esp/:id/otp', (ctx) => {
    const esp = emulator.esps.require(ctx.params.id!);
    if (!esp.otp) throw notFound(`No code has been sent for ${esp.id}`);
    ctx.body = {
      code: esp.otp.code,
      to: esp.phone,
      ttl: Math.floor(esp.otp.expiresAt / 1000),
      retries: esp.otp.retries,
      verified: esp.otp.verified,
    };
  });
  router.post('/__emulator/esp/:id/status', async (ctx) => {
    const { status } = parseWith(z.object({ status: espStatusValueSchema }), await readOptionalJson(ctx));
    ctx.body = espView(emulator.esps.setStatus(ctx.params.id!, status));
  });

  router.get('/__emulator/wallets', (ctx) => {
    ctx.body = { wallets: emulator.wallets.list().map((w) => walletView(emulator.wallets, w)) };
  });
  router.get('/__emulator/wallets/:espId', (ctx) => {
    const wallet = emulator.wallets.get(ctx.params.espId!);
    if (!wallet) throw notFound(`No wallet for ${ctx.params.espId}`);
    ctx.body = walletView(emulator.wallets, wallet);
  });
  router.post('/__emulator/wallets/:espId/balance', async (ctx) => {
    const { balance } = parseWith(
      z.object({ balance: z.int().min(0).max(Number.MAX_SAFE_INTEGER) }),
      await readOptionalJson(ctx),
    );
    const wallet = emulator.wallets.get(ctx.params.espId!);
    if (!wallet) throw notFound(`No wallet for ${ctx.params.espId}`);
    wallet.balance = BigInt(balance);
    ctx.body = walletView(emulator.wallets, wallet);
  });

  router.get('/__emulator/transactions', (ctx) => {
    ctx.body = { transactions: emulator.transactions.list().map(transactionAdminView) };
  });
  router.get('/__emulator/transactions/:id', (ctx) => {
    const tx = emulator.transactions.get(ctx.params.id!);
    if (!tx) throw notFound(`Transaction ${ctx.params.id} not found`);
    ctx.body = transactionAdminView(tx);
  });
  // Finish a transaction now, as if the payer pressed Pay/Decline or processing ended.
  router.post('/__emulator/transactions/:id/complete', async (ctx) => {
    const { status, reason } = parseWith(
      z.object({ status: z.enum(['success', 'failed']), reason: z.string().optional() }),
      await readOptionalJson(ctx),
    );
    const tx = emulator.transactions.get(ctx.params.id!);
    if (!tx) throw notFound(`Transaction ${ctx.params.id} not found`);
    if (isFinal(tx)) throw badRequest(`Transaction ${tx.id} is already ${tx.status}`);
    finishTransaction(emulator, tx, status, reason ?? 'Failed by the emulator admin API');
    ctx.body = transactionAdminView(tx);
  });

  router.get('/__emulator/accounts', (ctx) => {
    ctx.body = {
      accounts: emulator.accounts.list().map(({ id, type, createdAt }) => ({ id, type, createdAt })),
    };
  });

  router.get('/__emulator/callbacks', (ctx) => {
    const filter = {
      ...(query(ctx.query.channel) ? { channel: query(ctx.query.channel) } : {}),
      ...(query(ctx.query.subject) ? { subject: query(ctx.query.subject) } : {}),
    };
    ctx.body = { callbacks: emulator.deliveries.list(filter) };
  });
  router.get('/__emulator/callbacks/:id', (ctx) => {
    const delivery = emulator.deliveries.get(ctx.params.id!);
    if (!delivery) throw notFound(`Callback ${ctx.params.id} not found`);
    ctx.body = delivery;
  });
}
