import { sandboxKyc } from '@mandarin-kit/emulator';

/**
 * A new customer of the BFF at `bffUrl` with an open wallet: the cookie of its session and the wallet's id. Goes
 * through the BFF's own routes (KYC form, SMS code read from the emulator's admin API, status until Success), as a
 * browser would; `key` is the wallet creation's Idempotency-Key.
 */
export async function onboard(
  bffUrl: string,
  emulatorUrl: string,
  key = 'bench-wallet-0001',
): Promise<{ cookie: string; walletId: string }> {
  const me = await fetch(`${bffUrl}/api/me`);
  const cookie = me.headers.getSetCookie()[0]!.split(';')[0]!;
  const headers = { cookie, 'x-csrf': '1', 'content-type': 'application/json' };
  const created = await fetch(`${bffUrl}/api/wallets`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': key },
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
