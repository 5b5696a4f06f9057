import Router from '@koa/router';
import {
  espGenerateResponseSchema,
  formatAmount,
  fromMinorUnits,
  maskPhone,
  otpSendResponseSchema,
  otpVerifyResponseSchema,
  toEspGenerateRequest,
  type WalletView,
  walletBalanceResponseSchema,
} from '@mandarin-kit/core';
import type { Context } from 'koa';
import type { BffDeps } from '../BffDeps.js';
import { notFound } from '../http/BffError.js';
import { addressKey, enforceLimits, phoneKey } from '../http/rateLimit.js';
import { pollWallet, walletFromUpstream } from '../status/poll.js';
import type { WalletRecord } from '../store/records.js';
import { userOf } from './context.js';
import { idempotent } from './idempotent.js';
import { ok, route } from './route.js';

/** The wallet `id` (from the URL), if it belongs to the caller; anyone else's wallet is simply not found. */
export async function ownedWallet(ctx: Context, deps: BffDeps, id: string): Promise<WalletRecord> {
  const wallet = await deps.store.wallets.get(id.toLowerCase());
  if (wallet === undefined || wallet.ownerId !== userOf(ctx).id) throw notFound('Wallet');
  return wallet;
}

function view(
  w: Pick<WalletRecord, 'id' | 'status' | 'createdAt' | 'processedAt' | 'finishedAt'>,
): WalletView {
  return {
    id: w.id,
    status: w.status as WalletView['status'],
    createdAt: w.createdAt,
    processedAt: w.processedAt,
    finishedAt: w.finishedAt,
  };
}

/** Wallet holder routes: create an ESP from the KYC form, its status, the SMS code, the balance. */
export function walletRoutes(deps: BffDeps): Router {
  const router = new Router();

  route(router, 'createWallet', async (ctx, req) => {
    const input = await req.body();
    const user = userOf(ctx);
    const phones = [...new Set(input.phones.map((p) => p.phone))];
    return idempotent(ctx, deps, input, async () => {
      // Counted once per request, not per retry of it: a replayed answer costs nothing.
      await enforceLimits(deps.store, [
        { key: `esp-create:${user.id}`, limit: deps.limits.walletCreatePerUser },
        ...phones.map((phone) => ({
          key: phoneKey('esp-create', phone),
          limit: deps.limits.walletCreatePerPhone,
        })),
        { key: addressKey('esp-create', ctx), limit: deps.limits.walletCreatePerAddress },
        { key: 'esp-create:all', limit: deps.limits.walletCreateGlobal },
      ]);
      const created = await deps.mandarin.call('espGenerate', {
        body: toEspGenerateRequest(input),
        schema: espGenerateResponseSchema,
      });
      const record: WalletRecord = {
        id: created.id.toLowerCase(),
        ownerId: user.id,
        phoneMasked: maskPhone(input.phones[0]!.phone),
        contactPhone: `+${input.phones[0]!.phone}`,
        contactEmail: input.email,
        ...walletFromUpstream(created),
      };
      await deps.store.transaction(async (tx) => {
        await tx.wallets.insert(record);
        // A lost ESP webhook must not leave the wallet "opening" for ever: the reconciler reads its status.
        await tx.reconcile.enqueue('wallet', record.id, Date.now() + deps.reconcile.afterMs);
      });
      return { status: 201 as const, body: view(record) };
    });
  });

  route(router, 'listWallets', async (ctx) => {
    const wallets = await deps.store.wallets.listByOwner(userOf(ctx).id);
    return ok({ wallets: wallets.map(view) });
  });

  route(router, 'getWallet', async (ctx, req) =>
    ok(view(await pollWallet(deps, await ownedWallet(ctx, deps, req.params.walletId)))),
  );

  route(router, 'sendOtp', async (ctx, req) => {
    const wallet = await ownedWallet(ctx, deps, req.params.walletId);
    const user = userOf(ctx);
    await enforceLimits(deps.store, [
      { key: `otp-send:w:${wallet.id}`, limit: deps.limits.otpSendPerWallet },
      { key: `otp-send:u:${user.id}`, limit: deps.limits.otpSendPerUser },
      // Fresh cookies reset the two above; these hold for the phone, the address and the whole BFF.
      { key: phoneKey('otp-send', wallet.contactPhone), limit: deps.limits.otpSendPerPhone },
      { key: addressKey('otp-send', ctx), limit: deps.limits.otpSendPerAddress },
      { key: 'otp-send:all', limit: deps.limits.otpSendGlobal },
    ]);
    const sent = await deps.mandarin.call('otpSend', {
      params: { id: wallet.id },
      schema: otpSendResponseSchema,
    });
    return ok({
      phoneMasked: maskPhone(sent.to),
      expiresAt: new Date(sent.ttl * 1000).toISOString(),
      retriesLeft: sent.retries,
    });
  });

  route(router, 'verifyOtp', async (ctx, req) => {
    const wallet = await ownedWallet(ctx, deps, req.params.walletId);
    const { code } = await req.body();
    const user = userOf(ctx);
    await enforceLimits(deps.store, [
      { key: `otp-verify:w:${wallet.id}`, limit: deps.limits.otpVerifyPerWallet },
      { key: `otp-verify:u:${user.id}`, limit: deps.limits.otpVerifyPerUser },
    ]);
    const result = await deps.mandarin.call('otpVerify', {
      params: { id: wallet.id },
      body: { code },
      schema: otpVerifyResponseSchema,
    });
    return ok({ verified: result.verified, retriesLeft: result.retries });
  });

  route(router, 'getBalance', async (ctx, req) => {
    const wallet = await ownedWallet(ctx, deps, req.params.walletId);
    const balance = await deps.mandarin.call('espBalance', {
      params: { id: wallet.id },
      schema: walletBalanceResponseSchema,
    });
    return ok({
      walletId: wallet.id,
      balance: { amount: formatAmount(fromMinorUnits(balance.balance)), currency: 'RUB' as const },
      status: wallet.status as WalletView['status'],
    });
  });

  return router;
}
