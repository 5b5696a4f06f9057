import Router from '@koa/router';
import {
  businessAccountCreateResponseSchema,
  linkSubMerchantBodySchema,
  renameSubMerchantBodySchema,
  type SubMerchantView,
  uuidSchema,
} from '@mandarin-kit/core';
import { body, param, requireRole } from '../api/context.js';
import { idempotent } from '../api/idempotent.js';
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

  router.post('/sub-merchants', async (ctx) => {
    const user = requireRole(ctx, 'operator');
    const input = await body(ctx, linkSubMerchantBodySchema);
    await idempotent(ctx, deps, input, async () => {
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
      return { status: 201, body: subMerchantView(record) };
    });
  });

  router.get('/sub-merchants', async (ctx) => {
    requireRole(ctx, 'operator');
    ctx.body = { subMerchants: (await deps.store.payments.subMerchants()).map(subMerchantView) };
  });

  // Only the operator who linked an account names it; to anyone else it is not found.
  router.patch('/sub-merchants/:subMerchantId', async (ctx) => {
    const user = requireRole(ctx, 'operator');
    const id = param(ctx, 'subMerchantId', uuidSchema, 'Sub-merchant').toLowerCase();
    const { label } = await body(ctx, renameSubMerchantBodySchema);
    if (!(await deps.store.payments.relabelSubMerchant(id, user.id, label))) throw notFound('Sub-merchant');
    const renamed = await deps.store.payments.getSubMerchant(id);
    if (renamed === undefined) throw notFound('Sub-merchant');
    ctx.body = subMerchantView(renamed);
  });

  return router;
}
