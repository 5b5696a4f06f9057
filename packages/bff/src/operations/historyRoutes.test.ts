import { randomUUID } from 'node:crypto';
import { operationPageViewSchema } from '@mandarin-kit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OperationRecord } from '../store/records.js';
import { bindCard, waitFor } from '../testkit/flows.js';
import { walletSuite } from '../testkit/suites.js';

const { stack, owner, wallet } = walletSuite(1_500_000n); // 15 000.00 RUB
let ownerId: string;

// Seeded rows live in 2020, apart from the ones the emulator flows create now; `period2020` selects them.
const period2020 = `from=${encodeURIComponent('2020-01-01T00:00:00+03:00')}&to=2021-01-01T00:00:00Z`;
const at = (minute: number) => new Date(Date.UTC(2020, 5, 1, 12, minute)).toISOString();

async function seed(o: Partial<OperationRecord> & Pick<OperationRecord, 'kind' | 'amount' | 'createdAt'>) {
  const record: OperationRecord = {
    id: randomUUID(),
    ownerId,
    walletId: wallet.id,
    orderId: randomUUID().replaceAll('-', ''),
    transactionId: null,
    status: 'success',
    destinationMasked: null,
    sbp: null,
    failure: null,
    statusInferred: false,
    updatedAt: o.createdAt,
    ...o,
  };
  await stack.store.operations.insert(record);
  if (o.status === 'failed') {
    await stack.store.operations.update(record.id, { status: 'pending' });
    await stack.store.operations.finish(record.id, 'failed', {
      inferred: false,
      failure: o.failure ?? null,
      transactionId: null,
    });
  }
  return record;
}

const history = async (query: string) => {
  const reply = await owner.get(`/api/wallets/${wallet.id}/operations?${query}`);
  expect(reply.status).toBe(200);
  return operationPageViewSchema.parse(reply.body);
};

beforeAll(async () => {
  ownerId = (await owner.get('/api/me')).body.id;
  // 25 plain top-ups, one a minute, then the rows the filters and the export are about.
  for (let i = 0; i < 25; i++) await seed({ kind: 'top_up', amount: 100n + BigInt(i), createdAt: at(i) });
  await seed({
    kind: 'payout_card_number',
    amount: 9_007_199_254_740_993n,
    createdAt: at(30),
    destinationMasked: '•••• 1111',
  });
  await seed({
    kind: 'payout_card_number',
    amount: 1n,
    createdAt: at(31),
    status: 'failed',
    destinationMasked: '•••• 0004',
    failure: { code: '51', message: 'Card "blocked", call the bank\r\nor try another' },
  });
  await seed({
    kind: 'payout_sbp',
    amount: 50_000n,
    createdAt: at(32),
    status: 'failed',
    destinationMasked: '+7 *** ***-**-21',
    sbp: { bankId: '100000000111', bankName: 'Сбербанк', twoStep: true, phoneMasked: '+7 *** ***-**-21' },
    failure: { code: null, message: 'The bank has no account for this phone number' },
  });
});

describe("a wallet's history", () => {
  it('signs amounts by direction and names the counterparty, over real payouts and top-ups', async () => {
    const cardId = await bindCard(stack, owner);
    const payout = await owner.post(`/api/wallets/${wallet.id}/payouts`, {
      amount: '100.25',
      destination: { type: 'card_number', cardNumber: '4111 1111 1111 1111' },
    });
    const topUp = await owner.post(`/api/wallets/${wallet.id}/top-ups`, { amount: '13.00', cardId });
    expect([payout.status, topUp.status]).toEqual([201, 201]);
    const page = await waitFor(
      () => history('limit=2'),
      (p) => p.operations.every((o) => o.status !== 'pending'),
    );
    expect(page.operations.map((o) => [o.id, o.kind, o.signedAmount, o.direction])).toEqual([
      [topUp.body.id, 'top_up', '+13.00', 'in'],
      [payout.body.id, 'payout_card_number', '-100.25', 'out'],
    ]);
    expect(page.operations[1]!.counterparty).toEqual({ type: 'card', cardMasked: '•••• 1111' });
    expect(page.operations[0]!.counterparty).toMatchObject({ type: 'card' });
    expect(page.nextCursor).not.toBeNull();
  });

  it('pages newest first by cursor, 20 by default, and a row created meanwhile neither repeats nor hides one', async () => {
    const first = await history(period2020);
    expect(first.operations).toHaveLength(20);
    expect(first.operations.slice(0, 3).map((o) => o.signedAmount)).toEqual([
      '-500.00',
      '-0.01',
      '-90071992547409.93',
    ]);
    // A newer operation arrives while the user is on page one.
    const arrived = await seed({ kind: 'top_up', amount: 1n, createdAt: at(59) });
    const second = await history(`${period2020}&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect(second.operations.map((o) => o.signedAmount)).toEqual([
      '+1.07',
      '+1.06',
      '+1.05',
      '+1.04',
      '+1.03',
      '+1.02',
      '+1.01',
      '+1.00',
    ]);
    const seen = [...first.operations, ...second.operations].map((o) => o.id);
    expect(new Set(seen).size).toBe(28);
    expect(seen).not.toContain(arrived.id);
    expect((await history(period2020)).operations[0]!.id).toBe(arrived.id);
    expect((await history(`${period2020}&limit=100`)).operations).toHaveLength(29);
  });

  it('filters by kinds, statuses and period, and gives Mandarin’s reason and the SBP counterparty', async () => {
    const page = await history(`${period2020}&kind=payout_card_number,payout_sbp&status=failed`);
    expect(page.nextCursor).toBeNull();
    expect(page.operations.map((o) => [o.kind, o.status, o.signedAmount])).toEqual([
      ['payout_sbp', 'failed', '-500.00'],
      ['payout_card_number', 'failed', '-0.01'],
    ]);
    expect(page.operations[0]).toMatchObject({
      counterparty: { type: 'sbp', bankName: 'Сбербанк', phoneMasked: '+7 *** ***-**-21' },
      failure: { code: null, message: 'The bank has no account for this phone number' },
    });
    const early = await history(`from=2020-06-01T12:00:00Z&to=2020-06-01T12:03:00Z`);
    expect(early.operations.map((o) => o.signedAmount)).toEqual(['+1.02', '+1.01', '+1.00']);
  });

  it('exports the filtered rows as CSV: exact amounts, RFC 4180 quoting, a download', async () => {
    const reply = await owner.get(
      `/api/wallets/${wallet.id}/operations.csv?kind=payout_card_number&${period2020}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toMatch(
      /^attachment; filename="operations-[0-9a-f]{8}-/,
    );
    const [failed, big] = (await history(`kind=payout_card_number&${period2020}`)).operations;
    expect(reply.text).toBe(
      'date,operation_id,kind,status,amount,currency,card,bank,phone,failure_code,failure_reason\r\n' +
        `${at(31)},${failed!.id},payout_card_number,failed,-0.01,RUB,•••• 0004,,,51,` +
        '"Card ""blocked"", call the bank\r\nor try another"\r\n' +
        `${at(30)},${big!.id},payout_card_number,success,-90071992547409.93,RUB,•••• 1111,,,,\r\n`,
    );
    const sbp = await owner.get(`/api/wallets/${wallet.id}/operations.csv?status=failed&kind=payout_sbp`);
    expect(sbp.text.split('\r\n')[1]).toMatch(
      /,payout_sbp,failed,-500\.00,RUB,,Сбербанк,'\+7 \*\*\* \*\*\*-\*\*-21,,The bank has no account/,
    );
    const none = await owner.get(`/api/wallets/${wallet.id}/operations.csv?status=rejected`);
    expect(none.text).toBe(
      'date,operation_id,kind,status,amount,currency,card,bank,phone,failure_code,failure_reason\r\n',
    );
  });

  it('exports more rows than a page holds, each once, newest first', async () => {
    const day = (n: number) => new Date(Date.UTC(2019, 0, 1) + n * 60_000).toISOString();
    for (let i = 0; i < 250; i++) await seed({ kind: 'deposit', amount: BigInt(i + 1), createdAt: day(i) });
    const reply = await owner.get(
      `/api/wallets/${wallet.id}/operations.csv?from=2019-01-01T00:00:00Z&to=2020-01-01T00:00:00Z`,
    );
    const lines = reply.text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    const amounts = lines.slice(1, -1).map((l) => l.split(',')[4]);
    expect(amounts).toHaveLength(250);
    expect(amounts[0]).toBe('+2.50');
    expect(amounts.at(-1)).toBe('+0.01');
    expect(new Set(lines.slice(1, -1).map((l) => l.split(',')[1])).size).toBe(250);
  });

  it('answers 404 to anyone but the owner, and 400 with the parameter’s name to a bad query', async () => {
    const stranger = stack.client();
    expect((await stranger.get(`/api/wallets/${wallet.id}/operations`)).status).toBe(404);
    expect((await stranger.get(`/api/wallets/${wallet.id}/operations.csv`)).status).toBe(404);
    for (const [q, field] of [
      ['limit=101', 'limit'],
      ['limit=0', 'limit'],
      ['kind=refund', 'kind'],
      ['status=success,done', 'status'],
      ['from=yesterday', 'from'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['cursor=a%20b', 'cursor'],
    ] as const) {
      const reply = await owner.get(`/api/wallets/${wallet.id}/operations?${q}`);
      expect(reply.status, q).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        Object.keys(reply.body.error.fields).some((k) => k.startsWith(field)),
        q,
      ).toBe(true);
    }
  });
});
