import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CREDS, call, getToken, startEmulator, type TestEmulator } from '../fixtures/harness.js';

describe('OAuth client_credentials', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ tokenTtlSeconds: 600 });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.emulator.reset());

  const tokenRequest = (fields: Record<string, string>) =>
    fetch(`${emu.url}/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });

  it('issues a token with expires_in and the requested known scopes', async () => {
    const res = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: CREDS.clientId,
      client_secret: CREDS.clientSecret,
      scope: 'payment-tokens:tokens.write payment-tokens:tokens.read made-up:scope',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      expires_in: 600,
      token_type: 'Bearer',
      scope: 'payment-tokens:tokens.write payment-tokens:tokens.read',
    });
    expect(body.access_token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('accepts multipart form-data, as curl --form sends it', async () => {
    const form = new FormData();
    form.set('grant_type', 'client_credentials');
    form.set('client_id', CREDS.clientId);
    form.set('client_secret', CREDS.clientSecret);
    form.set('scope', 'payment-tokens:otp.write');
    const res = await fetch(`${emu.url}/oauth/token/`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { scope: string }).scope).toBe('payment-tokens:otp.write');
  });

  it('refuses wrong credentials with 401 and an unknown grant with 400', async () => {
    const wrong = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: CREDS.clientId,
      client_secret: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await tokenRequest({ grant_type: 'password', client_id: CREDS.clientId });
    expect(grant.status).toBe(400);
  });

  it('answers 403 when the token lacks the scope of the call', async () => {
    const token = await getToken(emu.url, 'payment-tokens:otp.write');
    const res = await call(emu.url, '/api/v1/tokens/generate', { token, body: {} });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatch(/payment-tokens:tokens.write/);
  });

  it('answers 401 to unknown, missing and expired tokens', async () => {
    const token = await getToken(emu.url);
    expect((await call(emu.url, '/payment-tokens/api/v1/tokens/x/status', { token: 'bogus' })).status).toBe(
      401,
    );
    expect((await call(emu.url, '/payment-tokens/api/v1/tokens/x/status')).status).toBe(401);
    expect((await call(emu.url, '/payment-tokens/api/v1/tokens/x/status', { token })).status).toBe(404);
    await call(emu.url, '/__emulator/clock', { body: { advanceSeconds: 601 } });
    const expired = await call(emu.url, '/payment-tokens/api/v1/tokens/x/status', { token });
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatch(/expired/);
  });

  it('expires every token on demand through the admin API', async () => {
    const token = await getToken(emu.url);
    await call(emu.url, '/__emulator/tokens/expire', { method: 'POST' });
    expect((await call(emu.url, '/payment-tokens/api/v1/tokens/x/status', { token })).status).toBe(401);
  });

  it('refuses a Mid header naming another merchant', async () => {
    const token = await getToken(emu.url);
    const res = await call(emu.url, '/payment-tokens/api/v1/tokens/x/status', {
      token,
      headers: { mid: '1' },
    });
    expect(res.status).toBe(403);
  });

  it('counts token requests for single-flight tests', async () => {
    await Promise.all([
      getToken(emu.url),
      getToken(emu.url),
      tokenRequest({ grant_type: 'client_credentials' }),
    ]);
    const stats = await call<{
      tokenRequests: number;
      tokensIssued: number;
      requestsByRoute: Record<string, number>;
    }>(emu.url, '/__emulator/stats');
    expect(stats.json.tokenRequests).toBe(3);
    expect(stats.json.tokensIssued).toBe(2);
    expect(stats.json.requestsByRoute['POST /oauth/token/']).toBe(3);
  });
});
