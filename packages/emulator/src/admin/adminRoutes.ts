import type { Router } from '@koa/router';
import { z } from 'zod';
import type { EmulatorContext } from '../EmulatorContext.js';
import { DELIVERY_FAULT_KINDS, REQUEST_FAULT_KINDS } from '../faults/FaultRegistry.js';
import { notFound } from '../http/HttpError.js';
import { parseWith } from '../http/parseWith.js';
import { readOptionalJson } from '../http/readBody.js';
import { ADMIN_ROUTES } from './adminSummary.js';

const faultSchema = z.object({
  route: z.string().min(1),
  kind: z.enum([...REQUEST_FAULT_KINDS, ...DELIVERY_FAULT_KINDS]),
  count: z.int().min(1).max(10_000).default(1),
  delayMs: z.int().min(0).max(600_000).optional(),
  status: z.int().min(500).max(599).optional(),
});

const configSchema = z.object({
  callbackUrl: z.url().nullable().optional(),
  webhookUrl: z.url().nullable().optional(),
  publicUrl: z.url().nullable().optional(),
  strictCards: z.boolean().optional(),
});

const clockSchema = z.object({
  advanceSeconds: z
    .number()
    .min(0)
    .max(10 * 365 * 86_400),
});

/** Admin API, part one: stats, reset, runtime config, clock, tokens and faults. */
export function registerAdminRoutes(router: Router, emulator: EmulatorContext): void {
  router.get('/__emulator', (ctx) => {
    ctx.body = { routes: ADMIN_ROUTES.map(([route, description]) => ({ route, description })) };
  });

  router.get('/__emulator/stats', (ctx) => {
    ctx.body = { ...emulator.stats, pendingTimers: emulator.scheduler.pending };
  });

  router.post('/__emulator/reset', (ctx) => {
    emulator.reset();
    ctx.body = { reset: true };
  });

  // URLs can change at runtime: a test often learns the receiver's port after the emulator started.
  router.get('/__emulator/config', (ctx) => {
    const { callbackUrl, webhookUrl, publicUrl, merchantId, timeScale, strictCards } = emulator.options;
    ctx.body = { callbackUrl, webhookUrl, publicUrl, merchantId, timeScale, strictCards };
  });
  router.post('/__emulator/config', async (ctx) => {
    const patch = parseWith(configSchema, await readOptionalJson(ctx));
    for (const key of ['callbackUrl', 'webhookUrl', 'publicUrl'] as const) {
      if (patch[key] !== undefined) emulator.options[key] = patch[key] ?? undefined;
    }
    // An end-to-end test may want unknown card ids refused without restarting the emulator.
    if (patch.strictCards !== undefined) emulator.options.strictCards = patch.strictCards;
    const { callbackUrl, webhookUrl, publicUrl, strictCards } = emulator.options;
    ctx.body = { callbackUrl, webhookUrl, publicUrl, strictCards };
  });

  router.get('/__emulator/clock', (ctx) => {
    ctx.body = { now: emulator.clock.iso(), offsetMs: emulator.clock.offsetMs };
  });
  router.post('/__emulator/clock', async (ctx) => {
    const { advanceSeconds } = parseWith(clockSchema, await readOptionalJson(ctx));
    emulator.clock.advance(advanceSeconds * 1000);
    ctx.body = { now: emulator.clock.iso(), offsetMs: emulator.clock.offsetMs };
  });

  router.post('/__emulator/tokens/expire', (ctx) => {
    ctx.body = { expired: emulator.tokens.expireAll() };
  });

  router.get('/__emulator/faults', (ctx) => {
    ctx.body = { faults: emulator.faults.list() };
  });
  router.post('/__emulator/faults', async (ctx) => {
    const spec = parseWith(faultSchema, await readOptionalJson(ctx));
    ctx.status = 201;
    ctx.body = emulator.faults.add(spec);
  });
  // Clearing faults also releases deliveries an out-of-order fault was still holding back.
  router.delete('/__emulator/faults', async (ctx) => {
    emulator.faults.clear();
    await emulator.deliveries.releaseHeld();
    ctx.body = { faults: [] };
  });
  router.delete('/__emulator/faults/:id', (ctx) => {
    if (!emulator.faults.remove(ctx.params.id!)) throw notFound(`Fault ${ctx.params.id} not found`);
    ctx.body = { deleted: ctx.params.id };
  });
}
