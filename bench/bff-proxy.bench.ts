import { sandboxKyc } from '@mandarin-kit/emulator';
import autocannon from 'autocannon';
import { type BenchRow, quick, report } from './harness.js';
import { startServer } from './processes.js';

// The BFF's cost on the hot read path: a balance read through the BFF (session cookie, owner check, cached
// token, schema validation, logging) against the same read straight to the emulator and through a bare
// node:http forwarder. Target: BFF ≥ 70% of the forwarder's peak throughput, and ≤ 2 ms more p99 at half
// of its own peak load. A one-middleware Koa relay is measured too: the floor that Koa itself sets on this box.

const duration = quick ? 1 : 10;
const connections = quick ? 4 : 50;

const emulator = await startServer('emulator');
const bff = await startServer('bff', [emulator.url]);
try {
  const { cookie, walletId } = await onboard(bff.url, emulator.url);
  const token = await accessToken(emulator.url);
  const balancePath = `/api/v1/tokens/${walletId}/wallet/balance`;
  const forwarder = await startServer('forwarder', [emulator.url, balancePath, token, '777']);
  const koaForwarder = await startServer('koa-forwarder', [emulator.url, balancePath, token, '777']);
  try {
    const targets = {
      bff: { url: `${bff.url}/api/wallets/${walletId}/balance`, headers: { cookie } },
      emulator: {
        url: `${emulator.url}${balancePath}`,
        headers: { authorization: `Bearer ${token}`, mid: '777' },
      },
      forwarder: { url: `${forwarder.url}/balance`, headers: {} },
      koaForwarder: { url: `${koaForwarder.url}/balance`, headers: {} },
    };
    await load(targets.bff, 1); // warm-up: JIT, token cache, prepared statements
    const peak = {
      bff: await load(targets.bff, duration),
      emulator: await load(targets.emulator, duration),
      forwarder: await load(targets.forwarder, duration),
      koaForwarder: await load(targets.koaForwarder, duration),
    };
    const rate = Math.max(1, Math.floor(peak.bff.rps / 2));
    const half = {
      bff: await load(targets.bff, duration, rate),
      forwarder: await load(targets.forwarder, duration, rate),
    };
    const throughputRatio = peak.bff.rps / peak.forwarder.rps;
    const addedP99 = half.bff.p99 - half.forwarder.p99;
    const rows: BenchRow[] = [
      {
        name: 'BFF balance read, peak',
        unit: 'req/s',
        value: peak.bff.rps,
        baseline: { name: 'bare node:http forwarder', value: peak.forwarder.rps },
        higherIsBetter: true,
        target: '≥ 0.70',
        pass: throughputRatio >= 0.7,
      },
      {
        name: 'emulator direct, peak',
        unit: 'req/s',
        value: peak.emulator.rps,
        baseline: { name: 'bare node:http forwarder', value: peak.forwarder.rps },
        higherIsBetter: true,
      },
      {
        name: 'framework floor: one-middleware Koa relay, peak',
        unit: 'req/s',
        value: peak.koaForwarder.rps,
        baseline: { name: 'bare node:http forwarder', value: peak.forwarder.rps },
        higherIsBetter: true,
      },
      {
        name: `BFF p99 at ${rate} req/s (half peak)`,
        unit: 'ms',
        value: half.bff.p99,
        baseline: { name: 'forwarder p99 at the same rate', value: half.forwarder.p99 },
        higherIsBetter: false,
        target: `+${addedP99.toFixed(2)} ms, ≤ +2 ms`,
        pass: addedP99 <= 2,
      },
      {
        name: 'BFF p99 at peak',
        unit: 'ms',
        value: peak.bff.p99,
        baseline: { name: 'forwarder p99 at its peak', value: peak.forwarder.p99 },
        higherIsBetter: false,
      },
    ];
    report('bff-proxy', rows);
    const errors = peak.bff.errors + half.bff.errors;
    if (errors > 0) throw new Error(`${errors} BFF requests failed under load`);
  } finally {
    await forwarder.stop();
    await koaForwarder.stop();
  }
} finally {
  await bff.stop();
  await emulator.stop();
}

async function load(
  target: { url: string; headers: Record<string, string> },
  seconds: number,
  overallRate?: number,
): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: target.url,
    headers: target.headers,
    connections,
    duration: seconds,
    ...(overallRate === undefined ? {} : { overallRate }),
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

async function onboard(bffUrl: string, emulatorUrl: string): Promise<{ cookie: string; walletId: string }> {
  const me = await fetch(`${bffUrl}/api/me`);
  const cookie = me.headers.getSetCookie()[0]!.split(';')[0]!;
  const headers = { cookie, 'x-csrf': '1', 'content-type': 'application/json' };
  const created = await fetch(`${bffUrl}/api/wallets`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': 'bench-wallet-0001' },
    body: JSON.stringify(sandboxKyc()),
  });
  if (created.status !== 201) throw new Error(`wallet: ${created.status} ${await created.text()}`);
  const walletId = ((await created.json()) as { id: string }).id;
  await fetch(`${bffUrl}/api/wallets/${walletId}/otp/send`, { method: 'POST', headers });
  const otp = (await (await fetch(`${emulatorUrl}/__emulator/esp/${walletId}/otp`)).json()) as {
    code: string;
  };
  await fetch(`${bffUrl}/api/wallets/${walletId}/otp/verify`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code: otp.code }),
  });
  for (let i = 0; i < 200; i++) {
    const wallet = (await (await fetch(`${bffUrl}/api/wallets/${walletId}`, { headers })).json()) as {
      status: string;
    };
    if (wallet.status === 'Success') return { cookie, walletId };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('wallet never became Success');
}

async function accessToken(emulatorUrl: string): Promise<string> {
  const response = await fetch(`${emulatorUrl}/oauth/token/`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'emulator-client',
      client_secret: 'emulator-client-secret',
      scope: 'payment-tokens:tokens.read',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
