import type { SubMerchantView } from '@mandarin-kit/core';
import type { ApiErrorCode } from '../client/ApiError.js';
import { fakeIds, fakeSubMerchants } from './fakeData.js';
import type { FakeRoute } from './fakePaymentRoutes.js';
import { json } from './fakeResponses.js';
import type { FakeScenario } from './fakeScenario.js';

/**
 * The operator's sub-merchants in the fake BFF (link, label, rename), as they stand after the calls so far; the
 * payments are in `fakePaymentRoutes.ts`.
 */
export function fakeSubMerchantRoutes(
  scenario: FakeScenario,
  errorBody: (code: ApiErrorCode, message: string) => unknown,
  now: () => string,
): { routes: FakeRoute[]; subMerchants: () => SubMerchantView[] } {
  let subMerchants = (scenario.subMerchants ?? fakeSubMerchants).map((m) => ({ ...m }));
  const routes: FakeRoute[] = [
    ['GET', /^\/api\/sub-merchants$/, 'listSubMerchants', () => json(200, { subMerchants })],
    [
      'POST',
      /^\/api\/sub-merchants$/,
      'linkSubMerchant',
      (body) => {
        const n = String(subMerchants.length + 1).padStart(4, '0');
        const id = `${fakeIds.accountC.slice(0, -4)}${n}`;
        const label = (body as { label?: string }).label?.trim() || null;
        const linked = { id, type: 'Business', linkedAt: now(), label, shortId: id.slice(0, 8) };
        subMerchants = [...subMerchants, linked];
        return json(201, linked);
      },
    ],
    [
      'PATCH',
      /^\/api\/sub-merchants\/[^/]+$/,
      'renameSubMerchant',
      (body, url) => {
        const id = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
        const label = (body as { label: string | null }).label?.trim() || null;
        if (!subMerchants.some((m) => m.id === id))
          return json(404, errorBody('NOT_FOUND', 'Sub-merchant not found'));
        subMerchants = subMerchants.map((m) => (m.id === id ? { ...m, label } : m));
        return json(
          200,
          subMerchants.find((m) => m.id === id),
        );
      },
    ],
  ];
  return { routes, subMerchants: () => subMerchants };
}
