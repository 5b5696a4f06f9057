import { beforeEach, describe, expect, it } from 'vitest';
import { activeEsp, call, emulatorSuite, getToken, waitUntil } from '../fixtures/harness.js';
import { SANDBOX_NAMES, sandboxKyc } from '../index.js';

describe('ESP lifecycle', () => {
  const { emu, receiver: hooks } = emulatorSuite({
    emulator: (url) => ({ webhookUrl: `${url}/webhooks/esp` }),
    reply: () => ({ status: 200, body: '' }),
  });
  let token: string;

  beforeEach(async () => {
    token = await getToken(emu.url);
  });

  const statusOf = async (id: string) =>
    (
      await call<{ status: string; processed_at: string | null; finished_at: string | null }>(
        emu.url,
        `/payment-tokens/api/v1/tokens/${id}/status`,
        { token },
      )
    ).json;

  it('goes Processing → OTP → Success, sets processed_at then finished_at, and POSTs the webhook', async () => {
    const created = await call(emu.url, '/api/v1/tokens/generate', { token, body: sandboxKyc() });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ status: 'Processing', processed_at: null, finished_at: null });
    const id = created.json.id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const sent = await call(emu.url, `/payment-tokens/api/v1/otp/${id}/send`, { token, method: 'POST' });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ to: '79017636353', status: 'pending', retries: 10 });
    expect(sent.json.ttl).toBeGreaterThan(Date.now() / 1000);

    const otp = await call<{ code: string }>(emu.url, `/__emulator/esp/${id}/otp`);
    expect(otp.json.code).toMatch(/^\d{4}$/);
    expect((await statusOf(id)).status).toBe('Processing');

    const verified = await call(emu.url, `/payment-tokens/api/v1/otp/${id}/verify`, {
      token,
      body: { code: otp.json.code },
    });
    expect(verified.json).toEqual({ verified: true, retries: 9 });

    const final = await waitUntil(async () => {
      const s = await statusOf(id);
      return s.status === 'Success' ? s : undefined;
    });
    expect(final.processed_at).not.toBeNull();
    expect(final.finished_at! >= final.processed_at!).toBe(true);

    const hook = await waitUntil(() => hooks.requests[0]);
    expect(hook.method).toBe('POST');
    expect(hook.url).toBe('/webhooks/esp');
    expect(hook.headers['content-type']).toMatch(/application\/json/);
    const payload = JSON.parse(hook.body);
    expect(payload).toMatchObject({ payment_token_id: id, status: 'Success' });
    expect(payload.event_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(payload.created_at)).not.toBeNaN();

    const balance = await call(emu.url, `/api/v1/tokens/${id}/wallet/balance`, { token });
    expect(balance.json).toMatchObject({ balance: 0, currency: 'RUB' });
    expect(balance.json.wallet_id).toEqual(expect.any(String));
  });

  it('ends in Failed for the Unsuccessful test names, with no wallet', async () => {
    const id = await activeEsp(emu.url, token, SANDBOX_NAMES.failed);
    expect((await statusOf(id)).status).toBe('Failed');
    await waitUntil(() => hooks.requests.find((r) => JSON.parse(r.body).status === 'Failed'));
    const balance = await call(emu.url, `/api/v1/tokens/${id}/wallet/balance`, { token });
    expect(balance.status).toBe(400);
  });

  it('counts wrong codes down and refuses once the attempts run out, even the right code', async () => {
    const id = (await call(emu.url, '/api/v1/tokens/generate', { token, body: sandboxKyc() })).json
      .id as string;
    await call(emu.url, `/payment-tokens/api/v1/otp/${id}/send`, { token, method: 'POST' });
    const { code } = (await call<{ code: string }>(emu.url, `/__emulator/esp/${id}/otp`)).json;
    const wrong = code === '0000' ? '1111' : '0000';
    for (let left = 9; left >= 0; left -= 1) {
      const res = await call(emu.url, `/payment-tokens/api/v1/otp/${id}/verify`, {
        token,
        body: { code: wrong },
      });
      expect(res.json).toEqual({ verified: false, retries: left });
    }
    const refused = await call(emu.url, `/payment-tokens/api/v1/otp/${id}/verify`, { token, body: { code } });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ verified: false, retries: 0 });
    // A new code brings new attempts.
    await call(emu.url, `/payment-tokens/api/v1/otp/${id}/send`, { token, method: 'POST' });
    const fresh = (await call<{ code: string }>(emu.url, `/__emulator/esp/${id}/otp`)).json.code;
    expect(
      (await call(emu.url, `/payment-tokens/api/v1/otp/${id}/verify`, { token, body: { code: fresh } })).json
        .verified,
    ).toBe(true);
  });

  it('refuses a code after its ttl', async () => {
    const id = (await call(emu.url, '/api/v1/tokens/generate', { token, body: sandboxKyc() })).json
      .id as string;
    await call(emu.url, `/payment-tokens/api/v1/otp/${id}/send`, { token, method: 'POST' });
    const { code } = (await call<{ code: string }>(emu.url, `/__emulator/esp/${id}/otp`)).json;
    await call(emu.url, '/__emulator/clock', { body: { advanceSeconds: 301 } });
    token = await getToken(emu.url);
    const res = await call(emu.url, `/payment-tokens/api/v1/otp/${id}/verify`, { token, body: { code } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/expired/);
  });

  it('validates generate and verify bodies with 400 {error}', async () => {
    const bad = await call(emu.url, '/api/v1/tokens/generate', {
      token,
      body: { ...sandboxKyc(), inn: '12' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/inn/);
    const notJson = await call(emu.url, '/api/v1/tokens/generate', { token, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error).toMatch(/JSON/);
    const id = (await call(emu.url, '/api/v1/tokens/generate', { token, body: sandboxKyc() })).json
      .id as string;
    const noSend = await call(emu.url, `/payment-tokens/api/v1/otp/${id}/verify`, {
      token,
      body: { code: '1234' },
    });
    expect(noSend.status).toBe(400);
    await call(emu.url, `/payment-tokens/api/v1/otp/${id}/send`, { token, method: 'POST' });
    const badCode = await call(emu.url, `/payment-tokens/api/v1/otp/${id}/verify`, {
      token,
      body: { code: 'abcd' },
    });
    expect(badCode.status).toBe(400);
    expect(
      (await call(emu.url, '/payment-tokens/api/v1/otp/unknown/send', { token, method: 'POST' })).status,
    ).toBe(404);
  });

  it("answers each endpoint only under the seed's spelling: the other one is a 404", async () => {
    const id = await activeEsp(emu.url, token);
    const fresh = await call<{ id: string }>(emu.url, '/api/v1/tokens/generate', {
      token,
      body: sandboxKyc(),
    });
    expect(fresh.status).toBe(200);
    const seed: Array<[string, string]> = [
      ['GET', `/payment-tokens/api/v1/tokens/${id}/status`],
      ['GET', `/api/v1/tokens/${id}/wallet/balance`],
      ['POST', `/payment-tokens/api/v1/otp/${fresh.json.id}/send`],
    ];
    for (const [method, path] of seed) {
      expect((await call(emu.url, path, { token, method })).status, path).toBe(200);
    }
    const wrong: Array<[string, string, unknown?]> = [
      ['POST', '/payment-tokens/api/v1/tokens/generate', sandboxKyc()],
      ['GET', `/api/v1/tokens/${id}/status`],
      ['GET', `/payment-tokens/api/v1/tokens/${id}/wallet/balance`],
      ['POST', `/api/v1/otp/${id}/send`],
      ['POST', `/api/v1/otp/${id}/verify`, { code: '1234' }],
    ];
    for (const [method, path, body] of wrong) {
      expect((await call(emu.url, path, { token, method, body })).status, path).toBe(404);
    }
    // Nothing was created or sent by the wrong spellings.
    expect((await call<{ esps: unknown[] }>(emu.url, '/__emulator/esp')).json.esps).toHaveLength(2);
  });

  it('lets the admin block and suspend a wallet, with a webhook each time', async () => {
    const id = await activeEsp(emu.url, token);
    await call(emu.url, `/__emulator/esp/${id}/status`, { body: { status: 'Blocked' } });
    expect((await statusOf(id)).status).toBe('Blocked');
    await call(emu.url, `/__emulator/esp/${id}/status`, { body: { status: 'Suspended' } });
    const statuses = await waitUntil(() => {
      const seen = hooks.requests.map((r) => JSON.parse(r.body).status as string);
      return seen.length >= 3 ? seen : undefined;
    });
    expect(statuses).toEqual(['Success', 'Blocked', 'Suspended']);
  });

  it('retries a webhook until the receiver answers 2xx', async () => {
    hooks.reply = (_, i) => (i < 2 ? { status: 503, body: 'busy' } : { status: 204, body: '' });
    const id = await activeEsp(emu.url, token);
    const [delivery] = await waitUntil(async () => {
      const list = (
        await call<{ callbacks: Array<{ state: string; attempts: unknown[] }> }>(
          emu.url,
          `/__emulator/callbacks?channel=esp&subject=${id}`,
        )
      ).json.callbacks;
      return list[0]?.state === 'delivered' ? list : undefined;
    });
    expect(delivery!.attempts).toHaveLength(3);
    expect(new Set(hooks.requests.map((r) => JSON.parse(r.body).event_id)).size).toBe(1);
  });
});
