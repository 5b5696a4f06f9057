import type { SubMerchantView } from '@mandarin-kit/core';
import type { ApiErrorCode } from '../client/ApiError.js';
import { fakeIds, fakeSubMerchants, pageOf } from './fakeData.js';
import { json } from './fakeResponses.js';
import type { FakeEndpoint, FakeScenario } from './fakeScenario.js';

/**
 * One route of the fake BFF: the route of core's table it answers (its method and path come from there, and a
 * scenario names it the same, `errors: { listPayments: … }`), and its answer, given the JSON body, the URL and
 * the path parameters by name.
 */
export type FakeRoute = [FakeEndpoint, (body: unknown, url: URL, params: Record<string, string>) => Response];

/**
 * The operator's side of the fake BFF: the payments list and the linked sub-merchants (link, label, rename), with
 * the sub-merchants as they stand after the calls so far.
 */
export function fakeOperatorRoutes(
  scenario: FakeScenario,
  errorBody: (code: ApiErrorCode, message: string) => unknown,
  now: () => string,
): { routes: FakeRoute[]; subMerchants: () => SubMerchantView[] } {
  let subMerchants = (scenario.subMerchants ?? fakeSubMerchants).map((m) => ({ ...m }));
  const routes: FakeRoute[] = [
    [
      'listPayments',
      (_, url) => {
        const page = pageOf(scenario.payments ?? [], url.searchParams);
        return json(200, { payments: page.rows, nextCursor: page.nextCursor });
      },
    ],
    ['listSubMerchants', () => json(200, { subMerchants })],
    [
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
