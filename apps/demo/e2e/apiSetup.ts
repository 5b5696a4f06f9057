import { sandboxKyc } from '@mandarin-kit/emulator';
import type { Page } from 'playwright-core';

/**
 * Opens a wallet for the browser's session through the BFF API (the UI path is covered by the onboarding test);
 * the page's request context shares the browser's cookies, so it is the same user.
 */
export async function walletViaApi(page: Page, base: string): Promise<string> {
  const headers = { 'x-csrf': '1' };
  const created = await page.request.post(`${base}/api/wallets`, {
    data: sandboxKyc(),
    headers: { ...headers, 'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  if (created.status() !== 201) throw new Error(`wallet: ${created.status()} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  await page.request.post(`${base}/api/wallets/${id}/otp/send`, { headers });
  const { code } = (await (await page.request.get(`${base}/demo/sandbox/otp/${id}`)).json()) as {
    code: string;
  };
  await page.request.post(`${base}/api/wallets/${id}/otp/verify`, { headers, data: { code } });
  for (let i = 0; i < 200; i++) {
    const wallet = (await (await page.request.get(`${base}/api/wallets/${id}`)).json()) as { status: string };
    if (wallet.status === 'Success') return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('wallet never became Success');
}
