import { createHash, randomUUID } from 'node:crypto';
import { DEFAULT_CREDENTIALS, sandboxKyc } from '@mandarin-kit/emulator';
import { describe, expect, it } from 'vitest';
import { onboardWallet, waitFor } from '../testkit/flows.js';
import { TEST_LIMITS } from '../testkit/startStack.js';
import { stackSuite } from '../testkit/suites.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

const signed = (fields: Record<string, string>, secret: string = DEFAULT_CREDENTIALS.secret) => {
  const keys = Object.keys(fields).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sign = createHash('sha256')
    .update(`${keys.map((k) => fields[k]).join('-')}-${secret}`)
    .digest('hex');
  return new URLSearchParams({ ...fields, sign }).toString();
};

/** The value of one sample (`name{labels}`) in Prometheus text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.lastIndexOf('}'));
    const parts = inside.split(',');
    if (wanted.every((w) => parts.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('metrics', () => {
  const stack = stackSuite({
    bff: {
      metrics: { token: METRICS_TOKEN },
      // One SMS code per wallet: the second request is the scenario's rate-limited one.
      limits: { ...TEST_LIMITS, otpSendPerWallet: { max: 1, windowMs: 60_000 } },
    },
  });
  const scrape = async (token: string | null = METRICS_TOKEN) =>
    fetch(`${stack.bffUrl}/metrics`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });

  it('asks for the bearer token', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape('wrong-token-0123456789abcdef')).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
  });

  it('counts a payout, a duplicate and a refused callback and a rate-limited request, and names no one', async () => {
    const owner = stack.client();
    const walletId = await onboardWallet(stack, owner, 50_000n);
    const refusedOtp = await owner.post(`/api/wallets/${walletId}/otp/send`);
    expect(refusedOtp.status).toBe(429);

    const payout = await owner.post(`/api/wallets/${walletId}/payouts`, {
      amount: '123.45',
      destination: { type: 'card_number', cardNumber: '4111 1111 1111 1111' },
    });
    expect(payout.status).toBe(201);
    await waitFor(
      () => owner.get(`/api/operations/${payout.body.id}`),
      (r) => r.body.status === 'success',
    );

    const orderId = 'metrics-order-7731';
    const transaction = 'cccc0000cccc0000cccc0000cccc7731';
    const body = signed({ orderId, transaction, status: 'success' });
    const post = (b: string) =>
      fetch(`${stack.bffUrl}/callbacks/mandarin`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: b,
      });
    // Paths no route answers, and a route refused before its handler: still no path in a label.
    const stray = randomUUID();
    expect((await owner.get(`/api/no-such-thing/${stray}`)).status).toBe(404);
    expect((await fetch(`${stack.bffUrl}/elsewhere/${stray}`)).status).toBe(404);
    expect((await stack.client().post(`/api/wallets/${stray}/otp/send`, {}, { 'x-csrf': '' })).status).toBe(
      403,
    );

    const before = await (await scrape()).text();
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect((await post(signed({ orderId, transaction, status: 'success' }, 'not-the-secret'))).status).toBe(
      401,
    );

    const text = await (await scrape()).text();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(text, name, labels) - sample(before, name, labels);
    const mandarin = { provider: 'mandarin' };
    expect(delta('mandarin_kit_bff_callbacks_received_total', mandarin)).toBe(3);
    expect(delta('mandarin_kit_bff_callbacks_stored_total', mandarin)).toBe(1);
    expect(delta('mandarin_kit_bff_callbacks_deduplicated_total', mandarin)).toBe(1);
    expect(delta('mandarin_kit_bff_callbacks_refused_total', mandarin)).toBe(1);

    const payouts = { method: 'POST', route: '/api/wallets/:walletId/payouts' };
    expect(sample(text, 'mandarin_kit_bff_http_requests_total', { ...payouts, status: '201' })).toBe(1);
    expect(sample(text, 'mandarin_kit_bff_http_request_duration_seconds_count', payouts)).toBe(1);
    expect(
      sample(text, 'mandarin_kit_bff_rate_limited_total', { route: '/api/wallets/:walletId/otp/send' }),
    ).toBe(1);
    expect(
      sample(text, 'mandarin_kit_bff_http_requests_total', {
        method: 'POST',
        route: '/api/wallets/:walletId/otp/send',
        status: '429',
      }),
    ).toBe(1);
    // The payout went to Mandarin once, and the callback that settled it came back.
    expect(
      sample(text, 'mandarin_kit_bff_upstream_requests_total', { outcome: 'ok', route: 'transactionCreate' }),
    ).toBe(1);
    expect(sample(text, 'mandarin_kit_bff_token_refreshes_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(/^mandarin_kit_bff_events_relayed_total (\d+)$/m.exec(text)?.[1]).toMatch(/^[1-9]\d*$/);
    expect(/^mandarin_kit_bff_sse_streams_open 0$/m.test(text)).toBe(true);
    expect(/^mandarin_kit_bff_reconcile_backlog\{state="waiting"\} \d+$/m.test(text)).toBe(true);
    expect(/^mandarin_kit_bff_store_errors_total 0$/m.test(text)).toBe(true);
    expect(/^mandarin_kit_bff_ready 1$/m.test(text)).toBe(true);

    // Labels are patterns, providers and outcomes: no id, amount, phone, card or secret anywhere.
    const me = (await owner.get('/api/me')).body.id as string;
    expect(sample(text, 'mandarin_kit_bff_http_requests_total', { route: 'unmatched', status: '404' })).toBe(
      2,
    );
    for (const secret of [
      stray,
      walletId,
      payout.body.id,
      me,
      orderId,
      transaction,
      '4111 1111 1111 1111',
      '4111111111111111',
      sandboxKyc().phones[0]!.phone,
      sandboxKyc().inn,
      METRICS_TOKEN,
      DEFAULT_CREDENTIALS.clientSecret,
      DEFAULT_CREDENTIALS.secret,
      'Bearer',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    // Short numbers (the amount, the card's first digits) may turn up by chance among the process's own sample
    // values (CPU seconds, bytes); what must never carry them is a label.
    const labels = text.match(/\{[^}]*\}/g)?.join('\n') ?? '';
    for (const fragment of ['123.45', '12345', '4111']) expect(labels, fragment).not.toContain(fragment);
    for (const line of text.split('\n').filter((l) => l.includes('route="'))) {
      expect(line).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}/);
    }
  });

  it('counts each failed attempt at Mandarin by its outcome', async () => {
    const owner = stack.client();
    const walletId = await onboardWallet(stack, owner, 10_000n);
    const route = { route: 'espBalance' };
    const before = await (await scrape()).text();
    await stack.admin('/faults', {
      body: { route: 'GET /api/v1/tokens/*/wallet/balance', kind: '5xx', count: 3 },
    });
    // A GET is retried: three 5xx answers in a row, and the browser gets a 502.
    expect((await owner.get(`/api/wallets/${walletId}/balance`)).status).toBe(502);
    expect((await owner.get(`/api/wallets/${walletId}/balance`)).status).toBe(200);
    const text = await (await scrape()).text();
    const delta = (outcome: string) =>
      sample(text, 'mandarin_kit_bff_upstream_requests_total', { ...route, outcome }) -
      sample(before, 'mandarin_kit_bff_upstream_requests_total', { ...route, outcome });
    expect(delta('unavailable')).toBe(3);
    expect(delta('ok')).toBe(1);
  });
});

describe('metrics switched off', () => {
  const stack = stackSuite();
  it('serves no /metrics unless asked to', async () => {
    expect((await fetch(`${stack.bffUrl}/metrics`)).status).toBe(404);
    expect(stack.app.metrics).toBeUndefined();
  });
});
