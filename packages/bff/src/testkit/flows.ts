import { randomUUID } from 'node:crypto';
import { sandboxKyc } from '@mandarin-kit/emulator';
import type { HttpClient, Reply } from './HttpClient.js';
import type { Stack } from './startStack.js';

/** Polls until `done` holds (the emulator runs with a tiny time scale, so this is milliseconds). */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  tries = 300,
): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await probe();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`condition not reached; last value: ${JSON.stringify(last)}`);
}

/** Creates a wallet for `browser`, verifies the SMS code and waits for Success; optionally funds it. */
export async function onboardWallet(stack: Stack, browser: HttpClient, balance?: bigint): Promise<string> {
  const created = await browser.post('/api/wallets', sandboxKyc());
  if (created.status !== 201) throw new Error(`wallet not created: ${created.text}`);
  const id: string = created.body.id;
  await browser.post(`/api/wallets/${id}/otp/send`);
  const { body } = await stack.admin(`/esp/${id}/otp`);
  await browser.post(`/api/wallets/${id}/otp/verify`, { code: body.code });
  await waitFor(
    () => browser.get(`/api/wallets/${id}`),
    (r: Reply) => r.body.status === 'Success',
  );
  if (balance !== undefined)
    await stack.admin(`/wallets/${id}/balance`, { body: { balance: Number(balance) } });
  return id;
}

/** Records a bound card for the user behind `browser` (card binding itself arrives with its own flow). */
export async function bindCard(stack: Stack, browser: HttpClient, last4 = '1111'): Promise<string> {
  const me = await browser.get('/api/me');
  const id = randomUUID();
  await stack.store.cards.insert({
    id,
    ownerId: me.body.id,
    status: 'active',
    cardMasked: `•••• ${last4}`,
    cardHolder: 'IVAN IVANOV',
    expiryMonth: '12',
    expiryYear: '2030',
    createdAt: new Date().toISOString(),
  });
  return id;
}

/** Presses Pay (or Decline) on the emulator's hosted payment page behind `payUrl`, as a person would. */
export async function decideOnHostedPage(payUrl: string, decision: 'pay' | 'decline'): Promise<number> {
  const transaction = new URL(payUrl).searchParams.get('transaction') ?? '';
  const page = await fetch(payUrl);
  if (page.status !== 200) return page.status;
  const response = await fetch(new URL('/Pay', payUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ transaction, decision }),
    redirect: 'manual',
  });
  return response.status;
}

/** Completes a binding on the emulator's hosted page as a person would: card data typed there, not here. */
export async function bindOnHostedPage(payUrl: string, cardNumber: string): Promise<number> {
  const transaction = new URL(payUrl).searchParams.get('transaction') ?? '';
  const page = await fetch(payUrl);
  if (page.status !== 200) return page.status;
  const html = await page.text();
  const fields = [...html.matchAll(/name="([\w-]+)"/g)].map((m) => m[1]!);
  const form = new URLSearchParams({ transaction });
  const values: Record<string, string> = {
    cardNumber,
    cardHolder: 'IVAN IVANOV',
    cardExpiration: '12/30',
    cardCvv: '123',
  };
  for (const name of fields) if (values[name] !== undefined) form.set(name, values[name]!);
  const decision = /name="decision" value="(\w+)"/.exec(html)?.[1] ?? 'pay';
  form.set('decision', decision);
  const response = await fetch(new URL('/Pay', payUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  return response.status;
}
