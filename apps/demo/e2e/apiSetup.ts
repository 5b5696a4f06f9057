import type { EspGenerateRequest } from '@mandarin-kit/core';
import { sandboxKyc } from '@mandarin-kit/emulator';
import type { Page } from 'playwright-core';

/**
 * Opens a wallet for the browser's session through the BFF API (the UI path is covered by the onboarding test);
 * the page's request context shares the browser's cookies, so it is the same user.
 */
export async function walletViaApi(
  page: Page,
  base: string,
  options: { kyc?: EspGenerateRequest; until?: 'Success' | 'Failed' } = {},
): Promise<string> {
  const until = options.until ?? 'Success';
  // These calls share the page's cookies. Until the page's own first call has set the session cookie, a call
  // sent from here would become another anonymous user, so wait for the page's event stream to be open.
  await page.locator('[data-testid="stream-status"][data-state="open"]').waitFor({ timeout: 15_000 });
  const headers = { 'x-csrf': '1' };
  const created = await page.request.post(`${base}/api/wallets`, {
    data: options.kyc ?? sandboxKyc(),
    headers: { ...headers, 'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  });
  if (created.status() !== 201) throw new Error(`wallet: ${created.status()} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const sent = await page.request.post(`${base}/api/wallets/${id}/otp/send`, { headers });
  if (!sent.ok()) throw new Error(`otp send: ${sent.status()} ${await sent.text()}`);
  const { code } = (await (await page.request.get(`${base}/demo/sandbox/otp/${id}`)).json()) as {
    code: string;
  };
  const verified = await page.request.post(`${base}/api/wallets/${id}/otp/verify`, {
    headers,
    data: { code },
  });
  if (!verified.ok()) throw new Error(`otp verify: ${verified.status()} ${await verified.text()}`);
  for (let i = 0; i < 200; i++) {
    const wallet = (await (await page.request.get(`${base}/api/wallets/${id}`)).json()) as { status: string };
    if (wallet.status === until) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`wallet never became ${until}`);
}
