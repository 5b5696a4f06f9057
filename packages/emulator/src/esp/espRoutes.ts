import type { Router } from '@koa/router';
import { espGenerateRequestSchema, otpVerifyRequestSchema } from '@mandarin-kit/core';
import { requireAuth } from '../auth/requireAuth.js';
import type { EmulatorContext } from '../EmulatorContext.js';
import { badRequest } from '../http/HttpError.js';
import { parseWith } from '../http/parseWith.js';
import { readJson } from '../http/readBody.js';
import { SCOPES } from '../oauth/scopes.js';
import type { EspRecord } from './EspService.js';

// The seed spells the ESP paths with and without the `/payment-tokens` prefix; answer both.
const PREFIXES = ['/api/v1', '/payment-tokens/api/v1'];

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
export function registerEspRoutes(router: Router, emulator: EmulatorContext): void {
  const write = requireAuth(emulator, SCOPES.tokensWrite, 'bearer');
  const read = requireAuth(emulator, SCOPES.tokensRead, 'bearer');
  const otp = requireAuth(emulator, SCOPES.otpWrite, 'bearer');

  for (const prefix of PREFIXES) {
    router.post(`${prefix}/tokens/generate`, write, async (ctx) => {
      const request = parseWith(espGenerateRequestSchema, await readJson(ctx));
      ctx.body = statusBody(emulator.esps.generate(request));
    });

    router.get(`${prefix}/tokens/:id/status`, read, (ctx) => {
      ctx.body = statusBody(emulator.esps.require(ctx.params.id!));
    });

    router.get(`${prefix}/tokens/:id/wallet/balance`, read, (ctx) => {
      const esp = emulator.esps.require(ctx.params.id!);
      const wallet = emulator.wallets.get(esp.id);
      if (!wallet) throw badRequest(`Wallet is not active: the payment token is ${esp.status}`);
      // JSON numbers are exact up to 2^53 minor units, far beyond any wallet.
      ctx.body = { wallet_id: wallet.walletId, balance: Number(wallet.balance), currency: 'RUB' };
    });

    router.post(`${prefix}/otp/:id/send`, otp, (ctx) => {
      ctx.body = emulator.esps.sendOtp(ctx.params.id!);
    });

    router.post(`${prefix}/otp/:id/verify`, otp, async (ctx) => {
      const esp = emulator.esps.require(ctx.params.id!);
      const { code } = parseWith(otpVerifyRequestSchema, await readJson(ctx));
      ctx.body = emulator.esps.verifyOtp(esp.id, code);
    });
  }
}
