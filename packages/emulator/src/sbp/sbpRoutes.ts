import type { Router } from '@koa/router';
import { type AuthDeps, requireAuth } from '../auth/requireAuth.js';
import { SCOPES } from '../oauth/scopes.js';
import { findBanks } from './banks.js';

/** SBP's bank directory (the two-step payout itself is a transaction: `transactions/sbpPayoutRoutes.ts`). */
export function registerSbpRoutes(router: Router, emulator: AuthDeps): void {
  const read = requireAuth(emulator, SCOPES.transactionsRead, 'bearer-or-xauth');

  router.get('/api/sbp/banks', read, (ctx) => {
    const name = typeof ctx.query.bankName === 'string' ? ctx.query.bankName : undefined;
    ctx.body = { banks: findBanks(name) };
  });
}
