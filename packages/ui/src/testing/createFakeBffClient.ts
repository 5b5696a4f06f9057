import { type CardView, formatAmount, type OperationView, parseAmount } from '@mandarin-kit/core';
import type { ApiErrorCode } from '../client/ApiError.js';
import { createBffClient } from '../client/createBffClient.js';
import { createFakeEventHub } from './FakeEventSource.js';
import { fakeCards, fakeHistory, fakeIds, pageOf } from './fakeData.js';
import { type FakeRoute, fakePaymentRoutes } from './fakePaymentRoutes.js';
import { fakeErrorBody, HTTP_STATUS, json } from './fakeResponses.js';
import type { FakeBff, FakeEndpoint, FakeScenario } from './fakeScenario.js';
import { fakeSubMerchantRoutes } from './fakeSubMerchantRoutes.js';

export {
  fakeCards,
  fakeHistory,
  fakeIds,
  fakePayment,
  fakePayments,
  fakeRoutingEntry,
  fakeSubMerchants,
} from './fakeData.js';
export type { FakeBff, FakeEndpoint, FakeError, FakeScenario, FakeSettlement } from './fakeScenario.js';

/** Builds a fake BFF for stories and tests; no request leaves the page. */
export function createFakeBffClient(scenario: FakeScenario = {}): FakeBff {
  const hub = createFakeEventHub();
  const requests: FakeBff['requests'] = [];
  const calls = new Map<FakeEndpoint, number>();
  const otp = {
    code: scenario.otp?.code ?? '1234',
    retries: scenario.otp?.retries ?? 3,
    ttlSeconds: scenario.otp?.ttlSeconds ?? 300,
  };
  const sbp = scenario.sbp ?? {};
  const now = () => new Date().toISOString();
  let operation: OperationView = {
    id: fakeIds.operation,
    kind: 'payout_sbp',
    status: sbp.status ?? 'awaiting_confirmation',
    amount: { amount: sbp.amount ?? '1500.00', currency: 'RUB' },
    walletId: fakeIds.wallet,
    createdAt: now(),
    updatedAt: now(),
    destinationMasked: sbp.phoneMasked ?? '+7 *** ***-**-67',
    sbp: { bankId: sbp.bankId ?? '100000000111', bankName: sbp.bankName ?? null, twoStep: true },
    failure: null,
  };

  let cards: CardView[] = (scenario.cards?.list ?? fakeCards).map((card) => ({ ...card }));
  let bindings = 0;
  const completeCardBinding: FakeBff['completeCardBinding'] = (cardId, status, cardMasked) => {
    const masked =
      cardMasked === undefined
        ? status === 'active'
          ? (scenario.cards?.boundMasked ?? '555555******4444')
          : null
        : cardMasked;
    cards = cards.map((card) =>
      card.id === cardId
        ? {
            ...card,
            status,
            cardMasked: masked,
            ...(status === 'active'
              ? { cardHolder: 'IVAN IVANOV', expiryMonth: '09', expiryYear: '2030' }
              : {}),
          }
        : card,
    );
    hub.emit('card_binding.status', { cardId, status, cardMasked: masked });
  };

  let history = [...(scenario.history ?? fakeHistory)];
  const finishSbpPayout: FakeBff['finishSbpPayout'] = (status) => {
    const reason = operation.kind === 'top_up' ? scenario.topUp?.failure : scenario.payout?.failure;
    const failure = status === 'failed' ? { code: null, message: reason ?? 'Declined by the bank' } : null;
    operation = { ...operation, status, failure, updatedAt: now() };
    hub.emit('transaction.status', {
      kind: 'operation',
      operationId: operation.id,
      paymentId: null,
      refundId: null,
      walletId: operation.walletId,
      status,
      orderId: null,
      transactionId: null,
    });
  };

  const pushOperation: FakeBff['pushOperation'] = (next) => {
    history = [next, ...history.filter((r) => r.id !== next.id)].sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
    );
    hub.emit('transaction.status', {
      kind: 'operation',
      operationId: next.id,
      paymentId: null,
      refundId: null,
      walletId: next.walletId,
      status: next.status,
      orderId: null,
      transactionId: null,
    });
  };

  const subMerchantRoutes = fakeSubMerchantRoutes(scenario, (...args) => errorBody(...args), now);
  const paymentRoutes = fakePaymentRoutes(scenario, (...args) => errorBody(...args), hub, now);
  const routes: FakeRoute[] = [
    ['GET', /^\/api\/me$/, null, () => json(200, { id: 'user-1', roles: ['customer'] })],
    [
      'POST',
      /^\/api\/wallets$/,
      'createWallet',
      () =>
        json(201, {
          id: fakeIds.wallet,
          status: 'Processing',
          createdAt: now(),
          processedAt: null,
          finishedAt: null,
        }),
    ],
    [
      'POST',
      /^\/api\/wallets\/[^/]+\/otp\/send$/,
      'sendOtp',
      () =>
        json(200, {
          phoneMasked: scenario.otp?.phoneMasked ?? '+7 *** ***-**-53',
          expiresAt: new Date(Date.now() + otp.ttlSeconds * 1000).toISOString(),
          retriesLeft: otp.retries,
        }),
    ],
    [
      'POST',
      /^\/api\/wallets\/[^/]+\/otp\/verify$/,
      'verifyOtp',
      (body) => {
        if (otp.retries <= 0) return json(422, errorBody('UPSTREAM_REJECTED', 'No attempts left'));
        const ok = (body as { code?: string }).code === otp.code;
        if (!ok) otp.retries--;
        return json(200, { verified: ok, retriesLeft: otp.retries });
      },
    ],
    [
      'GET',
      /^\/api\/wallets\/([^/]+)\/balance$/,
      'getBalance',
      () =>
        json(200, {
          walletId: fakeIds.wallet,
          balance: { amount: scenario.balance ?? '15000.75', currency: 'RUB' },
          status: scenario.walletStatus ?? 'Success',
        }),
    ],
    [
      'POST',
      /^\/api\/wallets\/[^/]+\/payouts$/,
      'createPayout',
      (raw) => {
        const body = raw as {
          amount: string;
          destination: {
            type: string;
            cardNumber?: string;
            cardId?: string;
            phone?: string;
            bankId?: string;
          };
        };
        const available = parseAmount(scenario.balance ?? '15000.75');
        if (parseAmount(body.amount) > available) {
          return json(
            422,
            errorBody('INSUFFICIENT_FUNDS', 'Not enough money', undefined, {
              available: formatAmount(available),
            }),
          );
        }
        const d = body.destination;
        const twoStep = scenario.payout?.twoStep ?? true;
        const last = (text: string | null | undefined, n: number) =>
          (text ?? '').replace(/\D/g, '').slice(-n);
        const card = cards.find((c) => c.id === d.cardId);
        operation = {
          ...operation,
          kind:
            d.type === 'sbp'
              ? 'payout_sbp'
              : d.type === 'bound_card'
                ? 'payout_bound_card'
                : 'payout_card_number',
          status: d.type === 'sbp' && twoStep ? 'awaiting_confirmation' : 'pending',
          amount: { amount: body.amount, currency: 'RUB' },
          createdAt: now(),
          updatedAt: now(),
          destinationMasked:
            d.type === 'sbp'
              ? `+7 *** ***-**-${last(d.phone, 2)}`
              : `•••• ${last(d.type === 'bound_card' ? card?.cardMasked : d.cardNumber, 4)}`,
          sbp: d.type === 'sbp' ? { bankId: d.bankId ?? '', bankName: null, twoStep } : null,
          failure: null,
        };
        const final = scenario.payout?.finalStatus === undefined ? 'success' : scenario.payout.finalStatus;
        if (operation.status === 'pending' && final !== null) {
          setTimeout(() => finishSbpPayout(final), scenario.payout?.eventDelayMs ?? 30);
        }
        return json(201, operation);
      },
    ],
    [
      'POST',
      /^\/api\/wallets\/[^/]+\/top-ups$/,
      'createTopUp',
      (raw) => {
        const body = raw as { amount: string; cardId: string };
        const card = cards.find((c) => c.id === body.cardId && c.status === 'active');
        if (!card) return json(404, errorBody('NOT_FOUND', 'No such card'));
        operation = {
          ...operation,
          kind: 'top_up',
          status: 'pending',
          amount: { amount: body.amount, currency: 'RUB' },
          createdAt: now(),
          updatedAt: now(),
          destinationMasked: `•••• ${(card.cardMasked ?? '').slice(-4)}`,
          sbp: null,
          failure: null,
        };
        const final = scenario.topUp?.finalStatus === undefined ? 'success' : scenario.topUp.finalStatus;
        if (final !== null) setTimeout(() => finishSbpPayout(final), scenario.topUp?.eventDelayMs ?? 30);
        return json(201, operation);
      },
    ],
    ['GET', /^\/api\/operations\/[^/]+$/, 'getOperation', () => json(200, operation)],
    [
      'POST',
      /^\/api\/operations\/[^/]+\/sbp\/recipient$/,
      'getSbpRecipient',
      () =>
        json(200, {
          operationId: fakeIds.operation,
          fullName: sbp.fullName ?? 'Иванов Иван Иванович',
          bankName: sbp.bankName === undefined ? 'Сбербанк' : sbp.bankName,
          phoneMasked: sbp.phoneMasked ?? '+7 *** ***-**-67',
          amount: operation.amount,
        }),
    ],
    [
      'POST',
      /^\/api\/operations\/[^/]+\/sbp\/confirm$/,
      'confirmSbpPayout',
      () => {
        operation = { ...operation, status: 'pending', updatedAt: now() };
        const final = sbp.finalStatus === undefined ? 'success' : sbp.finalStatus;
        if (final !== null) {
          setTimeout(() => finishSbpPayout(final), sbp.eventDelayMs ?? 30);
        }
        return json(200, operation);
      },
    ],
    [
      'POST',
      /^\/api\/operations\/[^/]+\/sbp\/reject$/,
      'rejectSbpPayout',
      () => {
        operation = { ...operation, status: 'rejected', updatedAt: now() };
        return json(200, operation);
      },
    ],
    [
      'GET',
      /^\/api\/sbp\/banks/,
      'listSbpBanks',
      (_, url) => {
        const query = (url.searchParams.get('query') ?? '').toLowerCase();
        return json(200, {
          banks: [
            { bankId: '100000000111', bankName: 'Сбербанк', bankBic: '044525225' },
            { bankId: '100000000004', bankName: 'Т-Банк', bankBic: '044525974' },
            { bankId: '100000000008', bankName: 'Альфа-Банк', bankBic: '044525593' },
          ].filter((bank) => bank.bankName.toLowerCase().includes(query)),
        });
      },
    ],
    ['GET', /^\/api\/cards$/, 'listCards', () => json(200, { cards })],
    [
      'POST',
      /^\/api\/cards$/,
      'startCardBinding',
      () => {
        bindings++;
        const id =
          bindings === 1
            ? fakeIds.binding
            : `${fakeIds.binding.slice(0, -4)}${String(bindings).padStart(4, '0')}`;
        cards = [
          {
            id,
            status: 'pending',
            cardMasked: null,
            cardHolder: null,
            expiryMonth: null,
            expiryYear: null,
            createdAt: now(),
          },
          ...cards,
        ];
        const result = scenario.cards?.bindingResult ?? null;
        if (result !== null) {
          setTimeout(() => completeCardBinding(id, result), scenario.cards?.bindingDelayMs ?? 30);
        }
        return json(201, {
          id,
          status: 'pending',
          jsOperationId: `js-${id}`,
          payUrl: `https://secure.mandarinpay.test/pay/${id}`,
        });
      },
    ],
    [
      'DELETE',
      /^\/api\/cards\/[^/]+$/,
      'removeCard',
      (_, url) => {
        const cardId = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
        if (!cards.some((card) => card.id === cardId))
          return json(404, errorBody('NOT_FOUND', 'No such card'));
        cards = cards.filter((card) => card.id !== cardId);
        return new Response(null, { status: 204 });
      },
    ],
    [
      'GET',
      /^\/api\/wallets\/[^/]+\/operations$/,
      'listOperations',
      (_, url) => {
        const page = pageOf(history, url.searchParams);
        return json(200, { operations: page.rows, nextCursor: page.nextCursor });
      },
    ],
    ...paymentRoutes.routes,
    ...subMerchantRoutes.routes,
  ];

  const errorBody = (
    code: ApiErrorCode,
    message: string,
    fields?: Record<string, string[]>,
    details?: Record<string, string>,
  ) => fakeErrorBody(`req-${requests.length}`, code, message, fields, details);

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://fake.local');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({
      method,
      path: url.pathname + url.search,
      headers: { ...(init?.headers as object) },
      body,
    });
    const route = routes.find(([m, re]) => m === method && re.test(url.pathname));
    if (!route) return json(404, errorBody('NOT_FOUND', 'No such route'));
    const endpoint = route[2];
    if (endpoint && scenario.pending?.includes(endpoint)) {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    if (scenario.delayMs) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
    // A call cancelled in flight (StrictMode's remount, React Query's cleanup) never reached the server.
    if (init?.signal?.aborted) throw init.signal.reason;
    if (endpoint) {
      const n = (calls.get(endpoint) ?? 0) + 1;
      calls.set(endpoint, n);
      const error = scenario.errors?.[endpoint];
      if (error && n <= (error.times ?? Number.POSITIVE_INFINITY)) {
        if (error.code === 'NETWORK') throw new TypeError('Failed to fetch');
        return json(
          error.status ?? HTTP_STATUS[error.code] ?? 500,
          errorBody(error.code, error.message ?? error.code, error.fields, error.details),
          error.retryAfter === undefined ? {} : { 'Retry-After': String(error.retryAfter) },
        );
      }
    }
    return route[3](body, url);
  };

  return {
    client: createBffClient({ baseUrl: '', fetch: fakeFetch }),
    EventSource: hub.EventSource,
    hub,
    requests,
    cards: () => cards,
    completeCardBinding,
    finishSbpPayout,
    pushOperation,
    subMerchants: subMerchantRoutes.subMerchants,
    payments: paymentRoutes.payments,
    settlePayment: paymentRoutes.settlePayment,
    settleRefund: paymentRoutes.settleRefund,
  };
}
