import type { Router } from '@koa/router';
import type { DeliveryPlan } from '../callbacks/Delivery.js';
import type { DeliveryService } from '../callbacks/DeliveryService.js';
import { notFound } from '../http/HttpError.js';
import { parseWith } from '../http/parseWith.js';
import { readOptionalJson } from '../http/readBody.js';
import { gatewayPlan } from './gateway.js';
import type { ProviderPlanDeps } from './ProviderSecrets.js';
import { type ProviderSendRequest, providerSendRequestSchema } from './ProviderSendRequest.js';
import { processingPlan } from './processing.js';
import { transfersPlan } from './transfers.js';
import { widgetPlan } from './widget.js';

const PLANS: Record<string, (emulator: ProviderPlanDeps, send: ProviderSendRequest) => DeliveryPlan> = {
  transfers: transfersPlan,
  gateway: gatewayPlan,
  widget: widgetPlan,
  processing: processingPlan,
};

/**
 * `POST /__emulator/send/{transfers|gateway|widget|processing}`: sends that provider's callback to `url`
 * in its format and signature, retrying on its schedule. Answers 202 with the delivery record; follow it
 * at `GET /__emulator/callbacks/{id}`.
 */
export function registerProviderRoutes(
  router: Router,
  emulator: ProviderPlanDeps & { deliveries: DeliveryService },
): void {
  router.post('/__emulator/send/:provider', async (ctx) => {
    const plan = PLANS[ctx.params.provider!];
    if (!plan)
      throw notFound(`Unknown provider ${ctx.params.provider}: use ${Object.keys(PLANS).join(', ')}`);
    const send = parseWith(providerSendRequestSchema, await readOptionalJson(ctx));
    const delivery = emulator.deliveries.enqueue(plan(emulator, send));
    ctx.status = 202;
    ctx.body = delivery;
  });
}
