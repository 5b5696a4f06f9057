import type {
  CardView,
  OperationHistoryRow,
  PaymentView,
  RefundView,
  RoutingEntryBody,
  SubMerchantView,
} from '@mandarin-kit/core';

// What the fake BFF answers with unless a scenario says otherwise, and how it pages a list: kept apart from the
// fake itself so each stays readable.

/** Ids the fake answers with. */
export const fakeIds = {
  wallet: '0f8fad5b-d9cb-469f-a165-70867728950e',
  operation: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  accountA: '16f90c5e-6bc3-11eb-9439-0242ac130002',
  accountB: '8ba85f01-8cc8-4161-b45d-ce6442e678ae',
  accountC: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  cardVisa: '5b1e8a2c-3f4d-4e6a-9b7c-1d2e3f4a5b6c',
  cardMir: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  binding: 'c0ffee00-1234-4abc-8def-0123456789ab',
  paymentPaid: 'a1b2c3d4-0001-4000-8000-000000000001',
  paymentHeld: 'a1b2c3d4-0002-4000-8000-000000000002',
  paymentRefunded: 'a1b2c3d4-0003-4000-8000-000000000003',
  paymentFailed: 'a1b2c3d4-0004-4000-8000-000000000004',
  paymentPending: 'a1b2c3d4-0005-4000-8000-000000000005',
  refund: 'b1b2c3d4-0001-4000-8000-000000000001',
} as const;

/** The cards a fake user has bound, unless the scenario says otherwise. */
export const fakeCards: CardView[] = [
  {
    id: fakeIds.cardVisa,
    status: 'active',
    cardMasked: '411111******1111',
    cardHolder: 'IVAN IVANOV',
    expiryMonth: '12',
    expiryYear: '2027',
    createdAt: '2025-03-01T10:00:00.000Z',
  },
  {
    id: fakeIds.cardMir,
    status: 'active',
    cardMasked: '220220******0004',
    cardHolder: 'IVAN IVANOV',
    expiryMonth: '03',
    expiryYear: '2029',
    createdAt: '2025-02-01T10:00:00.000Z',
  },
];

const row = (
  n: number,
  o: Pick<OperationHistoryRow, 'kind' | 'status' | 'counterparty'> & { amount: string; failure?: string },
): OperationHistoryRow => {
  const inbound = o.kind === 'top_up' || o.kind === 'deposit';
  const at = `2025-03-0${n}T09:${String(10 + n).padStart(2, '0')}:00.000Z`;
  return {
    id: `${fakeIds.operation.slice(0, -2)}${String(n).padStart(2, '0')}`,
    kind: o.kind,
    status: o.status,
    amount: { amount: o.amount, currency: 'RUB' },
    walletId: fakeIds.wallet,
    createdAt: at,
    updatedAt: at,
    destinationMasked:
      o.counterparty?.type === 'card'
        ? o.counterparty.cardMasked
        : o.counterparty?.type === 'sbp'
          ? o.counterparty.phoneMasked
          : null,
    sbp:
      o.counterparty?.type === 'sbp'
        ? { bankId: '100000000111', bankName: o.counterparty.bankName, twoStep: true }
        : null,
    failure: o.failure === undefined ? null : { code: null, message: o.failure },
    direction: inbound ? 'in' : 'out',
    signedAmount: `${inbound ? '+' : '-'}${o.amount}`,
    counterparty: o.counterparty,
  };
};

/** A wallet's history unless the scenario says otherwise, newest first: one of each direction, status and counterparty. */
export const fakeHistory: OperationHistoryRow[] = [
  row(4, { kind: 'withdrawal', status: 'pending', amount: '250.00', counterparty: null }),
  row(3, {
    kind: 'payout_sbp',
    status: 'failed',
    amount: '1500.00',
    counterparty: { type: 'sbp', bankName: 'Сбербанк', phoneMasked: '+7 *** ***-**-67' },
    failure: 'The bank has no account for this phone number',
  }),
  row(2, {
    kind: 'top_up',
    status: 'success',
    amount: '13.00',
    counterparty: { type: 'card', cardMasked: '411111******1111' },
  }),
  row(1, {
    kind: 'payout_card_number',
    status: 'success',
    amount: '100.25',
    counterparty: { type: 'card', cardMasked: '•••• 1047' },
  }),
];

/** Sub-merchants an operator has linked, unless the scenario says otherwise. */
export const fakeSubMerchants: SubMerchantView[] = [
  {
    id: fakeIds.accountA,
    type: 'Business',
    linkedAt: '2025-02-01T10:00:00.000Z',
    label: 'Цветы',
    shortId: '16f90c5e',
  },
  {
    id: fakeIds.accountB,
    type: 'Business',
    linkedAt: '2025-02-02T10:00:00.000Z',
    label: null,
    shortId: '8ba85f01',
  },
];

/** One routing entry of the wire: `{ accountId, amount: { value }, platformFeeAmount: { value } }`. */
export const fakeRoutingEntry = (accountId: string, value: string, fee = '0.00'): RoutingEntryBody => ({
  accountId,
  amount: { value, currency: 'RUB' },
  platformFeeAmount: { value: fee, currency: 'RUB' },
});

const rub = (amount: string) => ({ amount, currency: 'RUB' as const });

/** A payment as the BFF shows it; what is left out is a paid one-step payment with no refunds. */
export function fakePayment(o: Partial<PaymentView> & Pick<PaymentView, 'id' | 'orderId'>): PaymentView {
  return {
    status: 'success',
    twoStep: false,
    amount: rub('5000.00'),
    routing: [],
    payUrl: null,
    jsOperationId: null,
    refunds: [],
    refundable: rub(
      o.status === undefined || o.status === 'success' ? (o.amount?.amount ?? '5000.00') : '0.00',
    ),
    description: null,
    failureReason: null,
    createdAt: '2025-03-05T09:00:00.000Z',
    ...o,
  };
}

const fakeRefund = (o: Partial<RefundView> & Pick<RefundView, 'amount' | 'routing'>): RefundView => ({
  id: fakeIds.refund,
  status: 'success',
  failureReason: null,
  createdAt: '2025-03-06T12:30:00.000Z',
  ...o,
});

/**
 * An operator's payments for stories and tests, newest first: pending, held (two-step), paid with a partial
 * refund, fully refunded, failed.
 */
export const fakePayments: PaymentView[] = [
  fakePayment({
    id: fakeIds.paymentPending,
    orderId: 'order-1005',
    status: 'pending',
    amount: rub('990.00'),
    routing: [fakeRoutingEntry(fakeIds.accountA, '990.00', '9.90')],
    createdAt: '2025-03-05T15:20:00.000Z',
  }),
  fakePayment({
    id: fakeIds.paymentHeld,
    orderId: 'order-1004',
    status: 'authorized',
    twoStep: true,
    amount: rub('12500.50'),
    description: 'Бронь стола',
    createdAt: '2025-03-05T11:05:00.000Z',
  }),
  fakePayment({
    id: fakeIds.paymentPaid,
    orderId: 'order-1003',
    amount: rub('5000.00'),
    routing: [
      fakeRoutingEntry(fakeIds.accountA, '4000.00', '50.00'),
      fakeRoutingEntry(fakeIds.accountB, '1000.00', '50.00'),
    ],
    refunds: [
      fakeRefund({
        amount: rub('500.00'),
        routing: [fakeRoutingEntry(fakeIds.accountA, '400.00'), fakeRoutingEntry(fakeIds.accountB, '100.00')],
      }),
    ],
    refundable: rub('4500.00'),
    description: 'Книги и кофе',
    createdAt: '2025-03-04T09:15:00.000Z',
  }),
  fakePayment({
    id: fakeIds.paymentRefunded,
    orderId: 'order-1002',
    amount: rub('300.00'),
    routing: [fakeRoutingEntry(fakeIds.accountB, '300.00')],
    refunds: [
      fakeRefund({
        id: 'b1b2c3d4-0002-4000-8000-000000000002',
        amount: rub('300.00'),
        routing: [fakeRoutingEntry(fakeIds.accountB, '300.00')],
        createdAt: '2025-03-03T10:00:00.000Z',
      }),
    ],
    refundable: rub('0.00'),
    createdAt: '2025-03-02T18:45:00.000Z',
  }),
  fakePayment({
    id: fakeIds.paymentFailed,
    orderId: 'order-1001',
    status: 'failed',
    amount: rub('150.25'),
    routing: [fakeRoutingEntry(fakeIds.accountA, '150.25')],
    failureReason: 'Insufficient funds on the card',
    createdAt: '2025-03-01T08:00:00.000Z',
  }),
];

/** The rows of `rows` a list query selects, and the page of them after `cursor` (the last row's id). */
export function pageOf<
  T extends { id: string; createdAt: string; status: string; kind?: string; orderId?: string },
>(rows: readonly T[], q: URLSearchParams): { rows: T[]; nextCursor: string | null } {
  const list = (name: string) => q.get(name)?.split(',');
  const [kinds, statuses, from, to] = [list('kind'), list('status'), q.get('from'), q.get('to')];
  const matching = rows.filter(
    (r) =>
      (kinds === undefined || kinds.includes(r.kind ?? '')) &&
      (statuses === undefined || statuses.includes(r.status)) &&
      (q.get('orderId') === null || r.orderId === q.get('orderId')) &&
      (from === null || Date.parse(r.createdAt) >= Date.parse(from)) &&
      (to === null || Date.parse(r.createdAt) < Date.parse(to)),
  );
  const cursor = q.get('cursor');
  const start = cursor === null ? 0 : matching.findIndex((r) => r.id === cursor) + 1;
  const limit = Number(q.get('limit') ?? 20);
  const page = matching.slice(start, start + limit);
  return { rows: page, nextCursor: start + limit < matching.length ? (page.at(-1)?.id ?? null) : null };
}
