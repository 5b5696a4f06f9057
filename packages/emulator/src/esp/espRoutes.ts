import type { Router } from '@koa/router';
import { espGenerateRequestSchema, otpVerifyRequestSchema } from '@mandarin-kit/core';
import { type AuthDeps, requireAuth } from '../auth/requireAuth.js';
import { badRequest } from '../http/HttpError.js';
import { parseWith } from '../http/parseWith.js';
import { readJson } from '../http/readBody.js';
import { SCOPES } from '../oauth/scopes.js';
import type { WalletStore } from '../wallet/WalletStore.js';
import type { EspRecord, EspService } from './EspService.js';

/**
 * Each ESP path exactly as the seed spells it: generate and balance without the `/payment-tokens` prefix,
 * OTP and status with it. Only these answer; any other spelling is a 404, so a client that calls a path the
 * seed doesn't give fails its tests here instead of in production.
 */
export const ESP_PATHS = {
  generate: '/api/v1/tokens/generate',
  status: '/payment-tokens/api/v1/tokens/:id/status',
  balance: '/api/v1/tokens/:id/wallet/balance',
  otpSend: '/payment-tokens/api/v1/otp/:id/send',
  otpVerify: '/payment-tokens/api/v1/otp/:id/verify',
} as const;

function statusBody(esp: EspRecord) {
  return {
    id: esp.id,
    status: esp.status,
    created_at: esp.createdAt,
    processed_at: esp.processedAt,
    finished_at: esp.finishedAt,
  };
}

/** ESP (payment-tokens) API: generate, status, wallet balance, OTP send and verify. Bearer + Mid. */
export function registerEspRoutes(
  router: Router,
  emulator: AuthDeps & { esps: EspService; wallets: WalletStore },
): void {
  const write = requireAuth(emulator, SCOPES.tokensWrite, 'bearer');
  const read = requireAuth(emulator, SCOPES.tokensRead, 'bearer');
  const otp = requireAuth(emulator, SCOPES.otpWrite, 'bearer');

  router.post(ESP_PATHS.generate, write, async (ctx) => {
    const request = parseWith(espGenerateRequestSchema, await readJson(ctx));
    ctx.body = statusBody(emulator.esps.generate(request));
  });

  router.get(ESP_PATHS.status, read, (ctx) => {
    ctx.body = statusBody(emulator.esps.require(ctx.params.id!));
  });

  router.get(ESP_PATHS.balance, read, (ctx) => {
    const esp = emulator.esps.require(ctx.params.id!);
    const wallet = emulator.wallets.get(esp.id);
    if (!wallet) throw badRequest(`Wallet is not active: the payment token is ${esp.status}`);
    // JSON numbers are exact up to 2^53 minor units, far beyond any wallet.
    ctx.body = { wallet_id: wallet.walletId, balance: Number(wallet.balance), currency: 'RUB' };
  });

  router.post(ESP_PATHS.otpSend, otp, (ctx) => {
    ctx.body = emulator.esps.sendOtp(ctx.params.id!);
  });

  router.post(ESP_PATHS.otpVerify, otp, async (ctx) => {
    const esp = emulator.esps.require(ctx.params.id!);
    const { code } = parseWith(otpVerifyRequestSchema, await readJson(ctx));
    ctx.body = emulator.esps.verifyOtp(esp.id, code);
  });
}
