import type { Router } from '@koa/router';
import { businessAccountCreateRequestSchema } from '@mandarin-kit/core';
import { type AuthDeps, requireAuth } from '../auth/requireAuth.js';
import type { Clock } from '../clock/Clock.js';
import { badRequest } from '../http/HttpError.js';
import { readRawBody } from '../http/readBody.js';
import { SCOPES } from '../oauth/scopes.js';
import type { AccountStore } from './AccountStore.js';

/**
 * `POST /api/v1/accounts/business`: links a sub-merchant. Every refusal is the seed's exact
 * `400 {"error": "Invalid request"}`, as the real endpoint gives no detail.
 */
export function registerAccountRoutes(
  router: Router,
  emulator: AuthDeps & { accounts: AccountStore; clock: Clock },
): void {
  router.post(
    '/api/v1/accounts/business',
    requireAuth(emulator, SCOPES.accountsWrite, 'bearer-or-xauth'),
    async (ctx) => {
      let body: unknown;
      try {
        body = JSON.parse(await readRawBody(ctx));
      } catch {
        throw badRequest('Invalid request');
      }
      const parsed = businessAccountCreateRequestSchema.safeParse(body);
      const account = parsed.success
        ? emulator.accounts.link(parsed.data.token, emulator.clock.iso())
        : undefined;
      if (!account) throw badRequest('Invalid request');
      ctx.body = { id: account.id, type: account.type };
    },
  );
}
