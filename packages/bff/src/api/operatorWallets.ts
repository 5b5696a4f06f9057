import Router from '@koa/router';
import { parseAmount } from '@mandarin-kit/core';
import type { BffDeps } from '../BffDeps.js';
import { BffError, notFound } from '../http/BffError.js';
import { requireFunds } from '../operations/requireFunds.js';
import { startOperation } from '../operations/startOperation.js';
import type { WalletRecord } from '../store/records.js';
import { route } from './route.js';

async function anyWallet(deps: BffDeps, id: string): Promise<WalletRecord> {
  const wallet = await deps.store.wallets.get(id.toLowerCase());
  if (wallet === undefined) throw notFound('Wallet');
  if (wallet.status !== 'Success') throw new BffError(409, 'CONFLICT', 'The wallet is not active yet');
  return wallet;
}

/**
 * Operator routes that move the platform's money to and from users' wallets: deposit (business → ESP),
 * withdrawal (ESP → business) and payout to a card with transit through a wallet. The operation belongs to
 * the wallet's owner, so it shows up (and is relayed) on their side too.
 */
export function operatorWalletRoutes(deps: BffDeps): Router {
  const router = new Router();

  for (const kind of ['deposit', 'withdrawal'] as const) {
    route(router, kind === 'deposit' ? 'deposit' : 'withdraw', async (ctx, req) => {
      const wallet = await anyWallet(deps, req.params.walletId);
      const input = await req.body();
      const { amount: wire, ...extras } = input;
      const amount = parseAmount(wire);
      return startOperation(ctx, deps, input, {
        wallet,
        ownerId: wallet.ownerId,
        amount,
        // A withdrawal takes money from the wallet: no more than Mandarin says it holds.
        ...(kind === 'withdrawal' ? { precheck: () => requireFunds(deps, wallet, amount) } : {}),
        input: { kind, extras },
        details: { destinationMasked: null, sbp: null },
      });
    });
  }

  route(router, 'createTransitPayout', async (ctx, req) => {
    const input = await req.body();
    const wallet = await anyWallet(deps, input.walletId);
    // The card must be one the wallet's owner bound: the operator can't route money to a stranger's card.
    const card = await deps.store.cards.getUsable(wallet.ownerId, input.cardId.toLowerCase());
    if (card === undefined) throw notFound('Card');
    return startOperation(ctx, deps, input, {
      wallet,
      ownerId: wallet.ownerId,
      amount: parseAmount(input.amount),
      input: { kind: 'transit_payout', card },
      details: { destinationMasked: card.cardMasked, sbp: null },
    });
  });

  return router;
}
