import Router from '@koa/router';
import { businessAccountCreateResponseSchema, type SubMerchantView } from '@mandarin-kit/core';
import { userOf } from '../api/context.js';
import { idempotent } from '../api/idempotent.js';
import { ok, route } from '../api/route.js';
import type { BffDeps } from '../BffDeps.js';
import { notFound } from '../http/BffError.js';
import type { SubMerchantRecord } from '../store/records.js';

/** A sub-merchant as the split editor offers it: `Label · 1a2b3c4d`. */
export function subMerchantView(s: SubMerchantRecord): SubMerchantView {
  return { id: s.id, type: s.type, linkedAt: s.linkedAt, label: s.label, shortId: s.id.slice(0, 8) };
}

/** Operator: link sub-merchant accounts by their token (with a label), list them, rename one. */
export function subMerchantRoutes(deps: BffDeps): Router {
  const router = new Router();

  route(router, 'linkSubMerchant', async (ctx, req) => {
    const user = userOf(ctx);
    const input = await req.body();
    return idempotent(ctx, deps, input, async () => {
      const account = await deps.mandarin.call('businessAccountCreate', {
        body: { accountType: 'business', token: input.token },
        schema: businessAccountCreateResponseSchema,
      });
      const record: SubMerchantRecord = {
        id: account.id,
        ownerId: user.id,
        type: account.type,
        linkedAt: new Date().toISOString(),
        label: input.label ?? null,
      };
      await deps.store.payments.insertSubMerchant(record);
      return { status: 201 as const, body: subMerchantView(record) };
    });
  });

  route(router, 'listSubMerchants', async () =>
    ok({ subMerchants: (await deps.store.payments.subMerchants()).map(subMerchantView) }),
  );

  // Only the operator who linked an account names it; to anyone else it is not found.
  route(router, 'renameSubMerchant', async (ctx, req) => {
    const user = userOf(ctx);
    const id = req.params.subMerchantId.toLowerCase();
    const { label } = await req.body();
    if (!(await deps.store.payments.relabelSubMerchant(id, user.id, label))) throw notFound('Sub-merchant');
    const renamed = await deps.store.payments.getSubMerchant(id);
    if (renamed === undefined) throw notFound('Sub-merchant');
    return ok(subMerchantView(renamed));
  });

  return router;
}
